import { pages, lazySection } from '../messages/current.js';
import { Form, Layout, MessagePage } from './layout.js';
import { CredentialFields } from './patron-fields.js';

const t = lazySection(() => pages.login);

export interface LoginFormView {
  /** Absolute URL of POST /login, built from PUBLIC_BASE_URL. */
  action: string;
  linkToken: string;
  csrfToken: string;
  /** What the patron typed, shown again after a failure; the password never is. */
  cardNumber?: string;
  /** A failure of the whole submission (CREDENTIALS_INVALID: never says which field). */
  error?: string;
  fieldErrors?: { cardNumber?: string; password?: string };
}

/** The login page of the LINE account link (CONTRACT.md: fields cardNumber, password; button ログイン). */
export function LoginPage(v: LoginFormView) {
  return (
    <Layout title={t.title}>
      <div class="card">
        <p>{t.lead}</p>
        <Form
          action={v.action}
          hidden={{ linkToken: v.linkToken, csrfToken: v.csrfToken }}
          submitLabel={t.submit}
          error={v.error}
        >
          <CredentialFields words={t} cardNumber={v.cardNumber} errors={v.fieldErrors} />
        </Form>
        <p class="small">{t.privacy}</p>
      </div>
      <section class="card note">
        <h2>{t.whoTitle}</h2>
        <ul>
          {t.who.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <h2>{t.noCardTitle}</h2>
        <p>{t.noCard}</p>
        <h2>{t.passwordTitle}</h2>
        <p>{t.passwordHelp}</p>
      </section>
    </Layout>
  );
}

/** The link token is missing, unknown or past its time: the patron asks the chat for a new page. */
export function LinkExpiredPage() {
  return <MessagePage title={pages.linkExpired.title} paragraphs={[pages.linkExpired.body]} />;
}

/** This link token already logged in (Back or reload after the redirect to LINE): nothing more to do here. */
export function LoginAcceptedPage() {
  return <MessagePage title={pages.loginAccepted.title} paragraphs={[pages.loginAccepted.body]} />;
}

/** The card and password are right, but a library rule keeps this patron out (R-ELIG): why, and what next. */
export function LoginRefusedPage(props: { reason: string }) {
  return (
    <MessagePage
      title={pages.loginRefused.title}
      paragraphs={[props.reason, pages.loginRefused.wayForward, pages.closeAndReturn]}
    />
  );
}

export function ForbiddenPage() {
  return <MessagePage title={pages.forbidden.title} paragraphs={[pages.forbidden.body]} />;
}

export function FailedPage() {
  return <MessagePage title={pages.failed.title} paragraphs={[pages.failed.body]} />;
}
