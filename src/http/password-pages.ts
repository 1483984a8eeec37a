import type { Hono } from 'hono';
import { maskCard } from '../log.js';
import { accountPages as t, refusalMessage } from '../messages/current.js';
import { PasswordConfirmPage, PasswordDonePage, PasswordPage } from '../pages/password.js';
import { changePassword } from '../services/credentials.js';
import type { ServiceFailure } from '../services/errors.js';
import { checkPasswordChange } from '../services/password-change.js';
import {
  accountFormRoutes,
  type AccountPagesDeps,
  cannotBeRight,
  credentialLabels,
  missingFields,
  postedFields,
  raw,
} from './page-kit.js';

/**
 * パスワード変更 (R-PW-2..4): GET /password shows the form; POST /password with step=confirm
 * (変更) checks everything and shows パスワード変更確認 with the values in hidden inputs; step=send
 * (送信) checks again, changes the password and answers 303 to GET /password/done, which shows
 * パスワード変更完了 (POST-redirect-GET: page-kit.ts, form-results.ts). Every refusal re-renders
 * the form (200) with the sentence next to the field it concerns; a wrong card or password gets
 * the login's one sentence and counts towards the same per-card lockout.
 */
export function passwordPages(deps: AccountPagesDeps): Hono {
  const route = {
    path: '/password',
    purpose: 'password',
    page: PasswordPage,
    done: (_: unknown, again: boolean) => PasswordDonePage({ again }),
  };
  return accountFormRoutes(deps, route, async (c, posted, { kit, formHref, form, ...prg }) => {
    const f = postedFields(posted, { newPassword: raw, newPasswordConfirm: raw });
    const missing = missingFields(f, {
      ...credentialLabels(),
      newPassword: t.password.newPasswordLabel,
      newPasswordConfirm: t.password.newPasswordConfirmLabel,
    });
    if (Object.keys(missing).length > 0) return form({ cardNumber: f.cardNumber, fieldErrors: missing });
    const invalid = () => form({ cardNumber: f.cardNumber, error: refusalMessage({ code: 'CREDENTIALS_INVALID' }) });
    if (cannotBeRight(f.cardNumber, f.password)) return invalid();

    const now = deps.clock();
    const refusedForm = (failure: ServiceFailure) => {
      if (failure.kind !== 'refused') throw new Error(`password change: unexpected outcome ${failure.kind}`);
      const r = failure.refusal;
      deps.log.info('password change refused', { card: maskCard(f.cardNumber), code: r.code });
      if (r.code === 'PASSWORD_CONFIRMATION_MISMATCH')
        return form({ cardNumber: f.cardNumber, fieldErrors: { newPasswordConfirm: refusalMessage(r) } });
      if (r.code.startsWith('PASSWORD_'))
        return form({ cardNumber: f.cardNumber, fieldErrors: { newPassword: refusalMessage(r) } });
      if (r.code === 'CREDENTIALS_INVALID') return prg.credentialsRefused(invalid);
      return form({ cardNumber: f.cardNumber, error: refusalMessage(r) });
    };
    // The check (step=confirm) and the change (step=send) are asked the same thing.
    const req = {
      cardNumber: f.cardNumber,
      currentPassword: f.password,
      newPassword: f.newPassword,
      newPasswordConfirm: f.newPasswordConfirm,
    };

    if (posted.step !== 'send') {
      const checked = await checkPasswordChange(deps.db, req, now);
      if (!checked.ok) return refusedForm(checked.failure);
      return kit.render(
        c,
        PasswordConfirmPage({
          action: formHref,
          hidden: { ...f, ...kit.nonce(prg.formId) },
          cardNumber: f.cardNumber,
          formHref,
        }),
      );
    }
    const changed = await changePassword(deps.db, req, now);
    if (!changed.ok) return refusedForm(changed.failure);
    deps.log.info('password changed', { card: maskCard(f.cardNumber) });
    return prg.done();
  });
}
