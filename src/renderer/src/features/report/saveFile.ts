import type { ExportFile } from '../../../../shared/ipc/reportChannels';

/**
 * Hands an exported file to the user as a download. In the browser host that is the browser's
 * own download (which never overwrites: it renames or asks); in Electron the shell answers every
 * download with a save dialog. Either way the user chooses, and nothing is replaced silently.
 */
export function saveFile(file: ExportFile): void {
  const body =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))
      : file.data;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
