/**
 * A client of the preview's events stream, as a page connects to it: records
 * every server-sent event with the moment it arrived; and a GET of a page.
 * Used by the bench (save-to-reload latency, the first page served) and the
 * tests of `watch`. Opens connections.
 */
import http from 'node:http';

/** A server-sent event as a client received it, with when it arrived (`performance.now()`). */
export interface ReceivedEvent {
  readonly event: string;
  readonly data: string;
  readonly at: number;
}

/** Connects to `<url>/__careerplan/events` with the page's Origin and pushes every event to `events`; resolves once connected. */
export function connectEvents(url: string, events: ReceivedEvent[], onEvent?: (event: ReceivedEvent) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const origin = new URL(url).origin;
    const request = http.get(new URL('/__careerplan/events', url), { headers: { Origin: origin, Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`events stream answered ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (event !== undefined) {
            const received = { event, data, at };
            events.push(received);
            onEvent?.(received);
          }
          if (block.includes(': connected')) resolve(request);
        }
      });
      response.on('error', () => undefined);
    });
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

/** GETs a URL of the preview: its status, body and content type. Makes an HTTP request. */
export function getPage(url: string): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: response.headers['content-type'] }));
      })
      .on('error', reject);
  });
}
