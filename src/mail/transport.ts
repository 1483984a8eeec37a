/**
 * How the library sends mail. Implementations: SMTP (SMTP_URL set) and files under
 * DATA_DIR/mail (development). Mail is always sent from a notice in the outbox, so a transport
 * only has to send once or throw; retrying is the outbox's job.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The same on every attempt of one notice, so a mail that went out twice reads as one. */
  messageId?: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Whether the server answers now (checked at start; a warning, not a crash, when it does not). */
  verify(): Promise<boolean>;
  close?(): Promise<void>;
}
