/** The files validation reads, as text: the I/O edge hands these to the pure core. */
export interface TextFile {
  file: string;
  text: string;
}

export interface ProjectFiles {
  vocabulary: TextFile | undefined;
  vocabularyPath: string;
  claims: TextFile[];
  acknowledged?: TextFile | undefined;
}
