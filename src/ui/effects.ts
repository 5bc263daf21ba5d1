/** What the app may do to the world outside the frame. */
export interface Effects {
  openUrl: (url: string) => void;
  copy: (text: string) => void;
}
