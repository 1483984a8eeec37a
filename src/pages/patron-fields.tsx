import { Field } from './layout.js';

/**
 * The inputs every patron form asks for (login, password change, e-mail change), one place for
 * their attributes. The card number's and the password's lengths are the server's own limits
 * (http/page-kit.ts: CARD_NUMBER, MAX_PASSWORD), and 254 is the longest address there is, so a
 * phone stops the patron typing what would be refused anyway.
 */

/** The attributes of each text input (card number, e-mail address), by its name. */
const TEXT_INPUTS = {
  cardNumber: { autocomplete: 'username', inputmode: 'numeric', maxlength: 20 },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254 },
} as const;

/** A text input; what the patron typed is shown again after a refusal. */
export function TextField(props: {
  name: keyof typeof TEXT_INPUTS;
  label: string;
  hint: string;
  value: string | undefined;
  error: string | undefined;
}) {
  return <Field {...TEXT_INPUTS[props.name]} {...props} value={props.value ?? ''} />;
}

/** A password input; it is never filled in again after a refusal. */
export function PasswordField(props: {
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
  autocomplete: 'current-password' | 'new-password';
}) {
  return (
    <Field
      name={props.name}
      type="password"
      label={props.label}
      hint={props.hint}
      error={props.error}
      autocomplete={props.autocomplete}
      maxlength={64}
    />
  );
}

/** The wording of the card number and password inputs (the login's and the account pages' differ). */
export interface CredentialWords {
  cardNumberLabel: string;
  cardNumberHint: string;
  passwordLabel: string;
  passwordHint: string;
}

/** The card number and the password that prove who the patron is: the login, and each account form. */
export function CredentialFields(props: {
  words: CredentialWords;
  cardNumber: string | undefined;
  errors: { cardNumber?: string | undefined; password?: string | undefined } | undefined;
}) {
  const w = props.words;
  return (
    <>
      <TextField
        name="cardNumber"
        label={w.cardNumberLabel}
        hint={w.cardNumberHint}
        value={props.cardNumber}
        error={props.errors?.cardNumber}
      />
      <PasswordField
        name="password"
        label={w.passwordLabel}
        hint={w.passwordHint}
        error={props.errors?.password}
        autocomplete="current-password"
      />
    </>
  );
}
