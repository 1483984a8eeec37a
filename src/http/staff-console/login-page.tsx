import { consoleWords } from '../../messages/ja/console.js';
import { ConsoleLayout } from './layout.js';

const t = consoleWords.login;

export interface StaffLoginView {
  formNonce: string;
  csrfToken: string;
  name?: string;
  /** A whole-form failure (wrong name or password, locked): never says which field. */
  error?: string | undefined;
  /** A note above the form (session ended, logged out). */
  note?: string | undefined;
}

/** /staff/login: account name and password (plain form, works without JavaScript). */
export function StaffLoginPage(v: StaffLoginView) {
  return (
    <ConsoleLayout title={t.title}>
      <div class="card login">
        {v.note && (
          <p class="done" role="status">
            {v.note}
          </p>
        )}
        {v.error && (
          <p class="alert" role="alert" id="form-error">
            {v.error}
          </p>
        )}
        <p>{t.lead}</p>
        <form method="post" action="/staff/login">
          <input type="hidden" name="formNonce" value={v.formNonce} />
          <input type="hidden" name="csrfToken" value={v.csrfToken} />
          <div class="field">
            <label for="f-name">{t.nameLabel}</label>
            <input
              id="f-name"
              name="name"
              type="text"
              value={v.name}
              autocomplete="username"
              autocapitalize="off"
              spellcheck={false}
              maxlength={32}
              required
            />
          </div>
          <div class="field">
            <label for="f-password">{t.passwordLabel}</label>
            <input
              id="f-password"
              name="password"
              type="password"
              autocomplete="current-password"
              maxlength={128}
              required
            />
          </div>
          <button type="submit">{t.submit}</button>
        </form>
      </div>
    </ConsoleLayout>
  );
}
