// A request's body, up to a limit: a sender cannot make the server hold more than that.
import type http from 'node:http';

export class BodyTooLarge extends Error {}

export function readBody(request: http.IncomingMessage, maxBytes: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const tooLarge = () => new BodyTooLarge(`the ${what} is larger than ${maxBytes / 1024 / 1024} MB`);
    if (declared > maxBytes) {
      // Said up front: nothing is kept, and the rest is drained so the answer reaches the sender.
      request.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) reject(tooLarge());
      else chunks.push(chunk);
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
