/** Bytes through a (De)CompressionStream, from a stream over the bytes themselves. */

/**
 * Runs `parts` (one byte sequence, in pieces) through `transform`. The source is a stream over
 * the bytes, not a Blob's stream: a Blob's is read back from the browser process (4-10 ms per
 * call here, against well under 1 ms).
 */
export async function transformBytes(parts: Uint8Array[], transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const source = new ReadableStream<BufferSource>({
    start(c) {
      for (const p of parts) c.enqueue(p as BufferSource); // views of an ArrayBuffer
      c.close();
    },
  });
  return new Uint8Array(await new Response(source.pipeThrough(transform)).arrayBuffer());
}
