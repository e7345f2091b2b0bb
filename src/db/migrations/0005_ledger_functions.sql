-- The ledger's two round trips per batch (src/modules/ledger/ledger-store.ts).
-- They hold no business rule: createTransfers decides every transfer in
-- TypeScript (apply-transfer.ts, plan-batch.ts) between the two calls. They
-- exist because PL/pgSQL keeps its statements' plans for the session and
-- takes one JSON parameter, where plain SQL would be parsed and planned on
-- every call (bench/ledger.ts measures the difference).

-- Locks the batch's accounts (those it names, and those of the stored
-- pending transfers it resolves) in id order, so no two batches deadlock on
-- accounts; then, in a statement that starts after the locks are held (a new
-- snapshot under READ COMMITTED), reads the stored transfers with the batch's
-- ids or pending ids and every resolution of those pending ids.
CREATE FUNCTION "ledger_lock"(keys jsonb) RETURNS json LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
	account_ids text[] := array(SELECT jsonb_array_elements_text(keys->'accounts'));
	transfer_ids text[] := array(SELECT jsonb_array_elements_text(keys->'transfers'));
	pending_ids text[] := array(SELECT jsonb_array_elements_text(keys->'pendings'));
	accounts json;
	transfers json;
BEGIN
	IF cardinality(pending_ids) > 0 THEN
		-- Transfers are immutable: their accounts can be read before the locks.
		account_ids := account_ids
			|| array(SELECT debit_account_id FROM ledger_transfers WHERE id = any(pending_ids))
			|| array(SELECT credit_account_id FROM ledger_transfers WHERE id = any(pending_ids));
	END IF;
	SELECT json_agg(a) INTO accounts FROM (
		SELECT id, currency, debits_pending::text AS dp, debits_posted::text AS dpo,
			credits_pending::text AS cp, credits_posted::text AS cpo,
			debits_must_not_exceed_credits AS dmnec, credits_must_not_exceed_debits AS cmned
		FROM ledger_accounts WHERE id = any(account_ids) ORDER BY id FOR UPDATE
	) a;
	SELECT json_agg(t) INTO transfers FROM (
		SELECT id, debit_account_id AS debit, credit_account_id AS credit, amount::text AS amount, currency,
			kind, linked, pending_id, reference, user_data, created_at
		FROM ledger_transfers WHERE id = any(transfer_ids || pending_ids) OR pending_id = any(pending_ids)
	) t;
	RETURN json_build_object('accounts', accounts, 'transfers', transfers);
END $$;
--> statement-breakpoint
-- Appends the decided transfers (ordered by n, their place in the batch, which seq then follows) and adds
-- the deltas to the locked accounts. Amounts travel as JSON strings: exact.
CREATE FUNCTION "ledger_write"(transfers jsonb, deltas jsonb) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
	INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, currency, kind, linked,
		pending_id, reference, user_data, created_at)
	SELECT t.id, t.debit, t.credit, t.amount, t.currency, t.kind, t.linked, t.pending_id, t.reference,
		t.user_data, t.created_at
	FROM jsonb_to_recordset(transfers) AS t(n int, id text, debit text, credit text, amount bigint,
		currency text, kind text, linked boolean, pending_id text, reference text, user_data jsonb,
		created_at timestamptz)
	ORDER BY t.n;
	UPDATE ledger_accounts a SET
		debits_pending = a.debits_pending + d.dp,
		debits_posted = a.debits_posted + d.dpo,
		credits_pending = a.credits_pending + d.cp,
		credits_posted = a.credits_posted + d.cpo
	FROM jsonb_to_recordset(deltas) AS d(id text, dp bigint, dpo bigint, cp bigint, cpo bigint)
	WHERE a.id = d.id;
END $$;
