/** What the app may do to the world outside the frame. */
export interface Effects {
  /** Hands a checked link to the browser; says whether the opener ran, or why not. */
  openUrl: (url: string) => Promise<string | null>;
  copy: (text: string) => void;
}
