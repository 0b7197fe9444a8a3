/** Every entry's time as written in the local headers and the central directory, read back as UTC. */
export function entryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = (offset: number) => {
    const [time, date] = [view.getUint16(offset, true), view.getUint16(offset + 2, true)];
    return new Date(
      Date.UTC((date >> 9) + 1980, ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2),
    ).toISOString();
  };
  const end = zip.length - 22;
  const times: string[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    times.push(at(offset + 12), at(view.getUint32(offset + 42, true) + 10));
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return times;
}
