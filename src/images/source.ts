/**
 * Where a picture comes from: a URL to fetch, a file next to the article, or
 * bytes written into the article itself (a `data:` URI).
 */
export type ImageSource =
  | { kind: 'remote'; url: string }
  | { kind: 'file'; path: string }
  | { kind: 'data'; mime: string; bytes: Uint8Array };
