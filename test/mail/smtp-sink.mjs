// A real SMTP server in its own process, for the mail tests: `node smtp-sink.mjs PORT`.
// Prints `listening <port>` once ready, then one JSON line per accepted mail:
// {"from": envelope sender, "to": [recipients], "raw": the message as received}.
// SMTP_SINK_REJECT=550 (or 451) refuses every recipient with that code.
import { SMTPServer } from 'smtp-server';

const reject = Number(process.env.SMTP_SINK_REJECT ?? 0);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (!reject) return callback();
    const err = Object.assign(
      new Error(`${reject === 550 ? 'mailbox unavailable' : 'try again later'}: ${address.address}`),
      { responseCode: reject },
    );
    callback(err);
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      process.stdout.write(JSON.stringify({ from, to: session.envelope.rcptTo.map((r) => r.address), raw }) + '\n');
      callback();
    });
  },
});
server.on('error', (err) => {
  process.stderr.write(`smtp sink: ${err.message}\n`);
  process.exit(1);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
