export function generateCorpus(folder: string, count: number, bodyBytes?: number): void;
