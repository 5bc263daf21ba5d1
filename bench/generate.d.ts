export function generateCorpus(folder: string, count: number): void;
