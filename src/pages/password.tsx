import { accountPages as t, pages, lazySection } from '../messages/current.js';
import { AccountConfirmPage, type AccountConfirmView, AccountFormPage, type AccountFormView } from './account-form.js';
import { MessagePage } from './layout.js';
import { PasswordField } from './patron-fields.js';

const p = lazySection(() => t.password);

export type PasswordFormView = AccountFormView<'newPassword' | 'newPasswordConfirm'>;

/** The new password and its repetition: the same kind of input, each with its own label, hint and error. */
const NEW_PASSWORD_FIELDS = () =>
  [
    { name: 'newPassword', label: p.newPasswordLabel, hint: p.newPasswordHint },
    { name: 'newPasswordConfirm', label: p.newPasswordConfirmLabel, hint: p.newPasswordConfirmHint },
  ] as const;

/** R-PW-2/R-PW-3 パスワード変更 (CONTRACT.md: cardNumber, password, newPassword, newPasswordConfirm; 変更). */
export function PasswordPage(v: PasswordFormView) {
  return (
    <AccountFormPage view={v} title={p.title} lead={p.lead} leadNote={p.initialNote}>
      {NEW_PASSWORD_FIELDS().map((f) => (
        <PasswordField {...f} error={v.fieldErrors?.[f.name]} autocomplete="new-password" />
      ))}
    </AccountFormPage>
  );
}

/**
 * パスワード変更確認: what will change, and 送信. The typed values travel to the final POST in
 * hidden inputs of this POST form (never in a URL); the page is not cached (page headers).
 */
export const PasswordConfirmPage = (v: AccountConfirmView) => (
  <AccountConfirmPage
    {...v}
    title={p.confirmTitle}
    lead={p.confirmLead}
    rows={[{ label: p.newPasswordLabel, value: t.hiddenPassword }]}
  />
);

/** パスワード変更完了; `again` when the same form was sent a second time (Back, reload). */
export const PasswordDonePage = (v: { again?: boolean } = {}) => (
  <MessagePage title={p.doneTitle} paragraphs={[...(v.again ? [p.again] : []), ...p.done, pages.closeAndReturn]} />
);
