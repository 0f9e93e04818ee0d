// Splits a newline-delimited JSON body into parsed values as its chunks arrive. A
// chunk can end mid-line (or mid UTF-8 character): the tail waits for the next one.
// Blank lines are skipped; a last line without its newline is still read.
export async function* readNdjsonStream(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<unknown, void, undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    while (true) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split("\n");
      buffered = done ? "" : (lines.pop() ?? "");
      for (const line of lines) {
        if (line.trim() !== "") yield JSON.parse(line);
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
