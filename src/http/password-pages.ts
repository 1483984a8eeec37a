import { Hono, type Context } from 'hono';
import { maskCard } from '../log.js';
import { accountPages as t, pages, refusalMessage } from '../messages/ja/index.js';
import { PasswordConfirmPage, PasswordDonePage, PasswordPage, type PasswordFormView } from '../pages/password.js';
import { changePassword } from '../services/credentials.js';
import type { ServiceFailure } from '../services/errors.js';
import { checkPasswordChange } from '../services/password-change.js';
import { card, CARD_NUMBER, MAX_PASSWORD, pageKit, raw, type AccountPagesDeps } from './page-kit.js';

const PURPOSE = 'password';

/**
 * パスワード変更 (R-PW-2..4): GET /password shows the form; POST /password with step=confirm
 * (変更) checks everything and shows パスワード変更確認 with the values in hidden inputs; step=send
 * (送信) checks again, changes the password and shows パスワード変更完了. Every refusal re-renders
 * the form (200) with the sentence next to the field it concerns; a wrong card or password gets
 * the login's one sentence and counts towards the same per-card lockout.
 */
export function passwordPages(deps: AccountPagesDeps): Hono {
  const app = new Hono();
  const formHref = `${deps.publicBaseUrl}/password`;
  const kit = pageKit(deps, PURPOSE, formHref);
  kit.install(app, ['/password']);
  const form = (c: Context, more: Omit<PasswordFormView, 'action' | 'hidden'> = {}) =>
    kit.render(c, PasswordPage({ action: formHref, hidden: kit.nonce(), ...more }));

  app.get('/password', (c) => form(c));

  app.post('/password', ...kit.guards, async (c) => {
    const posted = await kit.readForm(c);
    if (posted instanceof Response) return posted;
    const f = {
      cardNumber: card(posted.cardNumber),
      password: raw(posted.password),
      newPassword: raw(posted.newPassword),
      newPasswordConfirm: raw(posted.newPasswordConfirm),
    };
    const missing = {
      ...(f.cardNumber === '' ? { cardNumber: pages.required(t.cardNumberLabel) } : {}),
      ...(f.password === '' ? { password: pages.required(t.currentPasswordLabel) } : {}),
      ...(f.newPassword === '' ? { newPassword: pages.required(t.password.newPasswordLabel) } : {}),
      ...(f.newPasswordConfirm === ''
        ? { newPasswordConfirm: pages.required(t.password.newPasswordConfirmLabel) }
        : {}),
    };
    if (Object.keys(missing).length > 0) return form(c, { cardNumber: f.cardNumber, fieldErrors: missing });
    const invalid = () => form(c, { cardNumber: f.cardNumber, error: refusalMessage({ code: 'CREDENTIALS_INVALID' }) });
    if (!CARD_NUMBER.test(f.cardNumber) || f.password.length > MAX_PASSWORD) return invalid();

    const now = deps.clock();
    const refusedForm = (failure: ServiceFailure) => {
      if (failure.kind !== 'refused') throw new Error(`password change: unexpected outcome ${failure.kind}`);
      const r = failure.refusal;
      deps.log.info('password change refused', { card: maskCard(f.cardNumber), code: r.code });
      if (r.code === 'PASSWORD_CONFIRMATION_MISMATCH')
        return form(c, { cardNumber: f.cardNumber, fieldErrors: { newPasswordConfirm: refusalMessage(r) } });
      if (r.code.startsWith('PASSWORD_'))
        return form(c, { cardNumber: f.cardNumber, fieldErrors: { newPassword: refusalMessage(r) } });
      return form(c, { cardNumber: f.cardNumber, error: refusalMessage(r) });
    };

    if (posted.step !== 'send') {
      const checked = await checkPasswordChange(
        deps.db,
        {
          cardNumber: f.cardNumber,
          currentPassword: f.password,
          newPassword: f.newPassword,
          newPasswordConfirm: f.newPasswordConfirm,
        },
        now,
      );
      if (!checked.ok) return refusedForm(checked.failure);
      return kit.render(
        c,
        PasswordConfirmPage({ action: formHref, hidden: { ...f, ...kit.nonce() }, cardNumber: f.cardNumber, formHref }),
      );
    }
    const changed = await changePassword(
      deps.db,
      {
        cardNumber: f.cardNumber,
        currentPassword: f.password,
        newPassword: f.newPassword,
        newPasswordConfirm: f.newPasswordConfirm,
      },
      now,
    );
    if (!changed.ok) return refusedForm(changed.failure);
    deps.log.info('password changed', { card: maskCard(f.cardNumber) });
    return kit.render(c, PasswordDonePage());
  });

  return app;
}
