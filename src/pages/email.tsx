import { accountPages as t, MAIL_SENDER_NOTICE, pages } from '../messages/ja/index.js';
import { NoticePage } from './account-messages.js';
import { Choice, ConfirmList, Field, Form, Layout, LinkButton } from './layout.js';

const m = t.email;
const TYPES = [
  { value: 'pc', label: m.emailTypes.pc },
  { value: 'mobile', label: m.emailTypes.mobile },
] as const;

export interface EmailFormView {
  /** Absolute URL of POST /email, built from PUBLIC_BASE_URL. */
  action: string;
  hidden: Readonly<Record<string, string>>;
  cardNumber?: string;
  email?: string;
  emailType?: string;
  error?: string;
  fieldErrors?: { cardNumber?: string; password?: string; email?: string; emailType?: string };
}

/** R-MAIL-1 メールアドレス変更 (CONTRACT.md: cardNumber, password, email, emailType pc|mobile; 変更). */
export function EmailPage(v: EmailFormView) {
  const e = v.fieldErrors ?? {};
  return (
    <Layout title={m.title}>
      <div class="card">
        <p>{m.lead}</p>
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
            name="email"
            type="email"
            label={m.emailLabel}
            hint={m.emailHint}
            value={v.email ?? ''}
            error={e.email}
            autocomplete="email"
            inputmode="email"
            maxlength={254}
          />
          <Choice name="emailType" label={m.emailTypeLabel} options={TYPES} value={v.emailType} error={e.emailType} />
        </Form>
      </div>
      <section class="card note">
        <h2>{m.whoTitle}</h2>
        <p>{m.who}</p>
        <h2>{t.forgotTitle}</h2>
        <p>{pages.login.passwordHelp}</p>
      </section>
    </Layout>
  );
}

export const emailTypeLabel = (type: string) => (type === 'mobile' ? m.emailTypes.mobile : m.emailTypes.pc);

/** メールアドレス変更確認: the address and its type, and 送信 (values in hidden inputs of a POST form). */
export function EmailConfirmPage(v: {
  action: string;
  hidden: Readonly<Record<string, string>>;
  cardNumber: string;
  email: string;
  emailType: string;
  formHref: string;
}) {
  return (
    <Layout title={m.confirmTitle}>
      <div class="card">
        <p>{m.confirmLead}</p>
        <ConfirmList
          rows={[
            { label: t.cardNumberLabel, value: v.cardNumber },
            { label: m.emailLabel, value: v.email },
            { label: m.emailTypeLabel, value: emailTypeLabel(v.emailType) },
          ]}
        />
        <Form action={v.action} hidden={{ step: 'send', ...v.hidden }} submitLabel={t.send} />
        <LinkButton href={v.formHref} label={t.startOver} />
      </div>
    </Layout>
  );
}

/** メールアドレス変更完了: a mail is on its way; allow the library's sender (R-MAIL-3). */
export function EmailDonePage(v: { email: string; sender: string }) {
  return (
    <Layout title={m.doneTitle}>
      <div class="card">
        {m.done(v.email).map((line) => (
          <p>{line}</p>
        ))}
      </div>
      <section class="card note">
        <h2>{m.senderTitle}</h2>
        <p>{MAIL_SENDER_NOTICE(v.sender)}</p>
        <p>{pages.closeAndReturn}</p>
      </section>
    </Layout>
  );
}

/** R-ELIG-4: card and password are right, but this patron may not register an address: why, and what next. */
export const EmailRefusedPage = (v: { reason: string }) => (
  <NoticePage title={m.refusedTitle} paragraphs={[v.reason, m.refusedWayForward, pages.closeAndReturn]} />
);
