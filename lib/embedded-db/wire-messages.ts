// Just enough of the Postgres wire protocol to find message boundaries.
// https://www.postgresql.org/docs/current/protocol-message-formats.html

const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;

export type ClientMessage =
  /** SSLRequest or GSSENCRequest: answered with a single byte, not a message. */
  | { kind: "encryption-request"; bytes: Buffer }
  | { kind: "cancel-request"; bytes: Buffer }
  | { kind: "startup"; bytes: Buffer }
  | { kind: "typed"; type: string; bytes: Buffer };

/** Splits the client byte stream; the first messages of a connection carry no type byte. */
export class ClientMessageReader {
  private buffer = Buffer.alloc(0);
  private isStartupPhase = true;

  push(chunk: Buffer): ClientMessage[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const messages: ClientMessage[] = [];
    for (;;) {
      const message = this.isStartupPhase ? this.readUntyped() : this.readTyped();
      if (!message) return messages;
      messages.push(message);
    }
  }

  private readUntyped(): ClientMessage | undefined {
    if (this.buffer.length < 8) return undefined;
    const length = this.buffer.readInt32BE(0);
    if (this.buffer.length < length) return undefined;
    const bytes = this.take(length);
    const code = bytes.readInt32BE(4);
    if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE)
      return { kind: "encryption-request", bytes };
    if (code === CANCEL_REQUEST_CODE) return { kind: "cancel-request", bytes };
    this.isStartupPhase = false;
    return { kind: "startup", bytes };
  }

  private readTyped(): ClientMessage | undefined {
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    const bytes = this.take(length);
    return { kind: "typed", type: String.fromCharCode(bytes[0] ?? 0), bytes };
  }

  private take(length: number): Buffer {
    const bytes = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return bytes;
  }
}

/** Finds ReadyForQuery ('Z') in the server stream; its status byte is I (idle), T or E (in a transaction). */
export class ReadyForQueryReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): Array<"I" | "T" | "E"> {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const statuses: Array<"I" | "T" | "E"> = [];
    while (this.buffer.length >= 5) {
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) break;
      if (this.buffer[0] === 0x5a /* Z */) {
        const status = String.fromCharCode(this.buffer[5] ?? 0);
        statuses.push(status === "T" || status === "E" ? status : "I");
      }
      this.buffer = this.buffer.subarray(length);
    }
    return statuses;
  }
}
