import { Box, Text } from 'ink';

/** Prepared screen lines, one Text each: the layers below have done the layout. */
export function Lines({ lines, width }: { lines: readonly string[]; width?: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}

/** `lines` cut or padded to exactly `height` lines, so the frame keeps its size. */
export function fitHeight(lines: readonly string[], height: number): string[] {
  const out = lines.slice(0, height);
  while (out.length < height) out.push('');
  return out;
}
