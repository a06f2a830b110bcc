/**
 * The certificate of a title as a PDF (A4 landscape), drawn with Noto Sans SC so Chinese prints on
 * any machine. The font ships split by Unicode range (one file per slice, as browsers load it);
 * each run of text is set in the slice that holds its characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

interface Slice {
  file: string;
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

/** The font's slices of a weight, from the package's own @font-face rules. */
function slicesOf(weight: 400 | 700): Slice[] {
  const css = readFileSync(join(FONT_DIR, `${weight}.css`), 'utf8');
  return [...css.matchAll(/url\(\.\/files\/([^)]+)\.woff2\)[^;]*;\s*unicode-range: ([^;]+);/g)].map((m) => ({
    // pdfkit embeds the WOFF files of the slices correctly (not the WOFF2 ones).
    file: join(FONT_DIR, 'files', `${m[1]}.woff`),
    ranges: m[2]!.split(',').map((r) => {
      const [a, b] = r.trim().slice(2).split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
    }),
  }));
}

let slices: Record<400 | 700, Slice[]> | undefined;
const fontSlices = () => (slices ??= { 400: slicesOf(400), 700: slicesOf(700) });

/** The text cut into runs that one slice each can draw (characters no slice has go with the last). */
export function runs(text: string, weight: 400 | 700 = 400): { file: string; text: string }[] {
  const all = fontSlices()[weight];
  const out: { file: string; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const slice = all.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b)) ?? all[all.length - 1]!;
    const last = out[out.length - 1];
    if (last && last.file === slice.file) last.text += ch;
    else out.push({ file: slice.file, text: ch });
  }
  return out;
}

export interface CertificateText {
  certificateNo: string;
  /** 专精特新中小企业 */
  tier: string;
  firmName: string;
  uscc: string;
  validFrom: string;
  validTo: string;
  /** The deciding authority, e.g. 江苏省工业和信息化厅. */
  authority: string;
  issuedOn: string;
  edition: string;
  /** Set when the title was revoked: printed across the certificate. */
  revokedOn: string | null;
}

export function certificatePdf(c: CertificateText): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${c.certificateNo}`, Subject: `${c.tier}证书`, Author: c.authority, Creator: 'Huiqi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { width, height } = doc.page;
  const registered = new Set<string>();
  /** One line, centred unless x is given, in the slices its characters need. */
  const line = (
    text: string,
    y: number,
    size: number,
    opts: { weight?: 400 | 700; color?: string; x?: number } = {},
  ) => {
    const parts = runs(text, opts.weight ?? 400);
    for (const p of parts)
      if (!registered.has(p.file)) {
        doc.registerFont(p.file, p.file);
        registered.add(p.file);
      }
    doc.fontSize(size).fillColor(opts.color ?? '#1f1f1f');
    const total = parts.reduce((w, p) => w + doc.font(p.file).widthOfString(p.text), 0);
    let x = opts.x ?? (width - total) / 2;
    for (const p of parts) {
      doc.font(p.file).text(p.text, x, y, { lineBreak: false });
      x += doc.widthOfString(p.text);
    }
  };

  doc
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .stroke('#b8860b');
  doc
    .rect(34, 34, width - 68, height - 68)
    .lineWidth(1)
    .stroke('#b8860b');
  line(`${c.tier}证书`, 92, 34, { weight: 700, color: '#a8071a' });
  line(`证书编号：${c.certificateNo}`, 150, 14, { color: '#595959' });
  line(c.firmName, 212, 26, { weight: 700 });
  line(`统一社会信用代码：${c.uscc}`, 258, 14, { color: '#595959' });
  line(`经审核、公示，认定为${c.tier}（${c.edition}年版认定标准）。`, 306, 18);
  line(`有效期：${c.validFrom} 至 ${c.validTo}`, 346, 16);
  line(c.authority, height - 150, 16, { x: width - 330 });
  line(c.issuedOn, height - 122, 14, { x: width - 330, color: '#595959' });
  line('可在认定名录中以证书编号查验', height - 86, 10, { x: 70, color: '#8c8c8c' });
  if (c.revokedOn) line(`本证书已于 ${c.revokedOn} 撤销`, height / 2 - 20, 40, { weight: 700, color: '#cf1322' });
  doc.end();
  return done;
}
