import { accountPages as t, pages } from '../messages/ja/index.js';
import { ConfirmList, Field, Form, Layout, LinkButton } from './layout.js';
import { NoticePage } from './account-messages.js';

const p = t.password;

export interface PasswordFields {
  cardNumber?: string;
  password?: string;
  newPassword?: string;
  newPasswordConfirm?: string;
}

export interface PasswordFormView {
  /** Absolute URL of POST /password, built from PUBLIC_BASE_URL. */
  action: string;
  /** formNonce and csrfToken (page-security.ts). */
  hidden: Readonly<Record<string, string>>;
  /** Shown again after a refusal; passwords never are. */
  cardNumber?: string;
  /** A failure of the whole submission (CREDENTIALS_INVALID never says which field). */
  error?: string;
  fieldErrors?: { [K in keyof PasswordFields]?: string };
}

/** R-PW-2/R-PW-3 パスワード変更 (CONTRACT.md: cardNumber, password, newPassword, newPasswordConfirm; 変更). */
export function PasswordPage(v: PasswordFormView) {
  const e = v.fieldErrors ?? {};
  return (
    <Layout title={p.title}>
      <div class="card">
        <p>{p.lead}</p>
        <p class="lead-note">{p.initialNote}</p>
        <Form action={v.action} hidden={{ step: 'confirm', ...v.hidden }} submitLabel={t.change} error={v.error}>
          <Field
            name="cardNumber"
            label={t.cardNumberLabel}
            hint={t.cardNumberHint}
            value={v.cardNumber ?? ''}
            error={e.cardNumber}
            autocomplete="username"
            inputmode="numeric"
            maxlength={20}
          />
          <Field
            name="password"
            type="password"
            label={t.currentPasswordLabel}
            hint={t.currentPasswordHint}
            error={e.password}
            autocomplete="current-password"
            maxlength={64}
          />
          <Field
            name="newPassword"
            type="password"
            label={p.newPasswordLabel}
            hint={p.newPasswordHint}
            error={e.newPassword}
            autocomplete="new-password"
            maxlength={64}
          />
          <Field
            name="newPasswordConfirm"
            type="password"
            label={p.newPasswordConfirmLabel}
            hint={p.newPasswordConfirmHint}
            error={e.newPasswordConfirm}
            autocomplete="new-password"
            maxlength={64}
          />
        </Form>
      </div>
      <section class="card note">
        <h2>{t.forgotTitle}</h2>
        <p>{pages.login.passwordHelp}</p>
      </section>
    </Layout>
  );
}

/**
 * パスワード変更確認: what will change, and 送信. The typed values travel to the final POST in
 * hidden inputs of this POST form (never in a URL); the page is not cached (page headers).
 */
export function PasswordConfirmPage(v: {
  action: string;
  hidden: Readonly<Record<string, string>>;
  cardNumber: string;
  formHref: string;
}) {
  return (
    <Layout title={p.confirmTitle}>
      <div class="card">
        <p>{p.confirmLead}</p>
        <ConfirmList
          rows={[
            { label: t.cardNumberLabel, value: v.cardNumber },
            { label: p.newPasswordLabel, value: t.hiddenPassword },
          ]}
        />
        <Form action={v.action} hidden={{ step: 'send', ...v.hidden }} submitLabel={t.send} />
        <LinkButton href={v.formHref} label={t.startOver} />
      </div>
    </Layout>
  );
}

/** パスワード変更完了 */
export const PasswordDonePage = () => <NoticePage title={p.doneTitle} paragraphs={[...p.done, pages.closeAndReturn]} />;
