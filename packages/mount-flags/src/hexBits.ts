/** Each set bit of `bits` as `0x...`, lowest first (internal: the formatters' fallback). */
export function hexBits(bits: number): string[] {
  const names: string[] = [];
  for (let bit = 0; bit < 32; bit++) {
    const value = 2 ** bit;
    if (Math.floor(bits / value) % 2 === 1) names.push(`0x${value.toString(16)}`);
  }
  return names;
}
