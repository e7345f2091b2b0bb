import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCsvFormats } from '../../api/queries';
import { CsvImportCard } from '../../components/csv-import-card';

/** `POST /api/freight/rate-cards/import` (src/modules/logistics/import-rate-cards.ts). */
type RateCardImport = { rateCards: number; departures: number; ids: string[] };
/** `POST /api/freight/bookings/events/import` (src/modules/logistics/import-booking-events.ts). */
type BookingEventImport = { lines: number; recorded: number; alreadyRecorded: number };

/** A forwarder publishes many rate cards at once from its pricing sheet. */
export const RateCardImport = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formats = useCsvFormats();
  return (
    <CsvImportCard<RateCardImport>
      title={t('freight.import.cards.title')}
      hint={t('freight.import.cards.hint')}
      path="/api/freight/rate-cards/import"
      columns={formats.data?.rateCards}
      templateName="tradelane-rate-cards.csv"
      done={(result) =>
        t('freight.import.cards.done', { count: result.rateCards, departures: result.departures })
      }
      onImported={() => queryClient.invalidateQueries({ queryKey: ['rate-cards'] })}
      testId="rate-card-import"
    />
  );
};

/** A forwarder reports tracking events for many bookings at once, e.g. from the carrier's feed. */
export const BookingEventImport = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formats = useCsvFormats();
  return (
    <CsvImportCard<BookingEventImport>
      title={t('freight.import.events.title')}
      hint={t('freight.import.events.hint')}
      path="/api/freight/bookings/events/import"
      columns={formats.data?.bookingEvents}
      templateName="tradelane-booking-events.csv"
      done={(result) =>
        t('freight.import.events.done', { count: result.recorded, already: result.alreadyRecorded })
      }
      onImported={() =>
        Promise.all(
          ['freight-bookings', 'freight-booking'].map((key) =>
            queryClient.invalidateQueries({ queryKey: [key] }),
          ),
        )
      }
      testId="booking-event-import"
    />
  );
};
