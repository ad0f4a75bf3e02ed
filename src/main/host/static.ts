import type { ServerResponse } from 'node:http';
import { readRendererFile } from '../pages/rendererFiles';

/** Serves the built renderer over the browser host's HTTP. */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const file = await readRendererFile(root, urlPath);
  res.writeHead(file.status, file.headers).end(file.body);
}
