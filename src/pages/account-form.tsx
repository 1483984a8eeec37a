import type { Child } from 'hono/jsx';
import { accountPages as t, pages, lazySection } from '../messages/current.js';
import { ConfirmPage, Form, Layout } from './layout.js';
import { CredentialFields } from './patron-fields.js';

/**
 * The two steps every account page (password change, e-mail change) shares: a form that starts
 * with the card number and the current password (they prove who asks), then a confirmation page.
 * 変更 posts step=confirm, 送信 posts step=send (http/password-pages.ts, http/email-pages.ts).
 */

/** The account pages ask for the current password: the login's wording would not say which. */
const CREDENTIAL_WORDS = lazySection(() => ({
  cardNumberLabel: t.cardNumberLabel,
  cardNumberHint: t.cardNumberHint,
  passwordLabel: t.currentPasswordLabel,
  passwordHint: t.currentPasswordHint,
}));

/** What an account form is rendered with; `F` names the page's own fields. */
export interface AccountFormView<F extends string> {
  /** Absolute URL of the POST, built from PUBLIC_BASE_URL. */
  action: string;
  /** formNonce and csrfToken (page-security.ts). */
  hidden: Readonly<Record<string, string>>;
  /** Shown again after a refusal; passwords never are. */
  cardNumber?: string;
  /** A failure of the whole submission (CREDENTIALS_INVALID never says which field). */
  error?: string;
  fieldErrors?: { [K in 'cardNumber' | 'password' | F]?: string };
}

/** The form: the lead, the card number and current password, the page's own fields, and notes under it. */
export function AccountFormPage(props: {
  view: AccountFormView<string>;
  title: string;
  lead: string;
  leadNote?: string;
  /** A note of the page's own, above the one on a forgotten password. */
  note?: { title: string; body: string };
  children?: Child;
}) {
  const v = props.view;
  return (
    <Layout title={props.title}>
      <div class="card">
        <p>{props.lead}</p>
        {props.leadNote !== undefined && <p class="lead-note">{props.leadNote}</p>}
        <Form action={v.action} hidden={{ step: 'confirm', ...v.hidden }} submitLabel={t.change} error={v.error}>
          <CredentialFields words={CREDENTIAL_WORDS} cardNumber={v.cardNumber} errors={v.fieldErrors} />
          {props.children}
        </Form>
      </div>
      <section class="card note">
        {props.note && (
          <>
            <h2>{props.note.title}</h2>
            <p>{props.note.body}</p>
          </>
        )}
        <h2>{t.forgotTitle}</h2>
        <p>{pages.login.passwordHelp}</p>
      </section>
    </Layout>
  );
}

/** What an account confirmation page is rendered with, besides what it shows. */
export interface AccountConfirmView {
  action: string;
  hidden: Readonly<Record<string, string>>;
  cardNumber: string;
  /** The empty form, for 入力しなおす. */
  formHref: string;
}

/** The confirmation: the card number, then what will change (`rows`), 送信, and the way back to the form. */
export function AccountConfirmPage(
  props: AccountConfirmView & { title: string; lead: string; rows: readonly { label: string; value: string }[] },
) {
  return (
    <ConfirmPage
      title={props.title}
      lead={props.lead}
      rows={[{ label: t.cardNumberLabel, value: props.cardNumber }, ...props.rows]}
      action={props.action}
      hidden={{ step: 'send', ...props.hidden }}
      submitLabel={t.send}
      back={{ href: props.formHref, label: t.startOver }}
    />
  );
}
