/**
 * Downloads a file the API serves (an .xlsx) with the session cookie: an error comes back as the
 * usual ApiError, so the page can say why instead of opening a page of JSON. A download that the
 * server records (a POST) sends the CSRF token like every other change.
 */
import { ApiError, csrfToken, NetworkError, type Message } from '../../api.ts';

function fileName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain ? plain[1]! : fallback;
}

export async function downloadFile(
  url: string,
  fallbackName: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<{ name: string; headers: Headers }> {
  const headers: Record<string, string> = { accept: '*/*' };
  const token = method === 'POST' ? csrfToken() : undefined;
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers });
  } catch (e) {
    throw new NetworkError((e as Error).message);
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as {
      error?: { code: string; message: Message; details?: { field: string; message: string }[] };
    } | null;
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'http_error',
      data?.error?.message ?? { zh: `下载失败（${res.status}）`, en: `Download failed (${res.status})` },
      data?.error?.details,
    );
  }
  const blob = await res.blob();
  const name = fileName(res.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { name, headers: res.headers };
}
