import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUp } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const cookieOf = (set: string | string[] | undefined) =>
  (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]).join('; ');

const localeOf = async (cookie: string) => {
  const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  expect(me.statusCode, me.body).toBe(200);
  return me.json().user.locale as string | null;
};

const updateUser = (cookie: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/auth/update-user', headers: { cookie }, payload });

describe("a user's language", () => {
  it('is null until chosen, so the browser language decides', async () => {
    const user = await signUp(h);
    expect(await localeOf(user.cookie)).toBeNull();
  });

  it('is the language the account was created in', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: {
        name: '王伟',
        email: `${randomBytes(5).toString('hex')}@test.tradelane.dev`,
        password: 'correct-horse-battery',
        locale: 'zh-CN',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await localeOf(cookieOf(response.headers['set-cookie']))).toBe('zh-CN');
  });

  it('is remembered when switched, and only a language the app speaks is accepted', async () => {
    const user = await signUp(h);
    const switched = await updateUser(user.cookie, { locale: 'es' });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(await localeOf(user.cookie)).toBe('es');

    for (const locale of ['fr', 'zh', '', 42]) {
      const refused = await updateUser(user.cookie, { locale });
      expect(refused.statusCode, `${locale}: ${refused.body}`).toBe(400);
    }
    expect(await localeOf(user.cookie)).toBe('es');
  });

  it('is refused at sign-up when the app does not speak it, creating no account', async () => {
    const email = `${randomBytes(5).toString('hex')}@test.tradelane.dev`;
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { name: 'Klingon', email, password: 'correct-horse-battery', locale: 'tlh' },
    });
    expect(response.statusCode, response.body).toBe(400);
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password: 'correct-horse-battery' },
    });
    expect(signIn.statusCode).toBe(401);
  });
});
