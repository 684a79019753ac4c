"""Read the source of the VBA modules in a vbaProject.bin, for tests.

A vbaProject.bin is an OLE compound file ([MS-CFB]); its `VBA/dir` stream lists the modules
and where each module's compressed source starts in its stream; sources are compressed with
the [MS-OVBA] 2.4.1 algorithm. Only what is needed to read the modules is implemented.
"""

from __future__ import annotations

import struct

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
END_OF_CHAIN, FREE = 0xFFFFFFFE, 0xFFFFFFFF
NO_STREAM = 0xFFFFFFFF


class CompoundFile:
    def __init__(self, data: bytes) -> None:
        if data[:8] != SIGNATURE:
            raise ValueError("not an OLE compound file")
        self.data = data
        self.sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
        n_fat, dir_start = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, minifat_start, _n_minifat, difat_start, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != FREE]
        sector = difat_start
        for _ in range(n_difat):
            entries = struct.unpack_from(f"<{self.sector_size // 4}I", self._sector(sector))
            fat_sectors.extend(s for s in entries[:-1] if s != FREE)
            sector = entries[-1]
        fat_bytes = b"".join(self._sector(s) for s in fat_sectors[:n_fat])
        self.fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes)
        minifat_bytes = self._chain_bytes(minifat_start) if minifat_start != END_OF_CHAIN else b""
        self.minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)
        directory = self._chain_bytes(dir_start)
        self.entries = [self._entry(directory[i:i + 128])
                        for i in range(0, len(directory), 128)]
        root = self.entries[0]
        self.mini_stream = self._chain_bytes(root["start"])[: root["size"]]

    def _sector(self, sid: int) -> bytes:
        start = (sid + 1) * self.sector_size
        return self.data[start:start + self.sector_size]

    def _chain(self, start: int, fat) -> list[int]:
        chain, sid = [], start
        while sid not in (END_OF_CHAIN, FREE) and len(chain) <= len(fat):
            chain.append(sid)
            sid = fat[sid]
        return chain

    def _chain_bytes(self, start: int) -> bytes:
        return b"".join(self._sector(s) for s in self._chain(start, self.fat))

    @staticmethod
    def _entry(raw: bytes) -> dict:
        name_len = struct.unpack_from("<H", raw, 64)[0]
        left, right, child = struct.unpack_from("<III", raw, 68)
        start, size = struct.unpack_from("<IQ", raw, 116)
        return {"name": raw[: max(0, name_len - 2)].decode("utf-16-le"), "type": raw[66],
                "left": left, "right": right, "child": child, "start": start,
                "size": size & 0xFFFFFFFF}

    def _children(self, index: int) -> dict[str, int]:
        found: dict[str, int] = {}
        stack = [self.entries[index]["child"]]
        while stack:
            i = stack.pop()
            if i == NO_STREAM or i >= len(self.entries):
                continue
            entry = self.entries[i]
            found[entry["name"].upper()] = i
            stack.extend((entry["left"], entry["right"]))
        return found

    def stream(self, path: str) -> bytes:
        index = 0
        for part in path.split("/"):
            index = self._children(index)[part.upper()]
        entry = self.entries[index]
        if entry["size"] < self.cutoff:
            chunks = [self.mini_stream[s * self.mini_size:(s + 1) * self.mini_size]
                      for s in self._chain(entry["start"], self.minifat)]
            return b"".join(chunks)[: entry["size"]]
        return self._chain_bytes(entry["start"])[: entry["size"]]


def decompress(data: bytes) -> bytes:
    """[MS-OVBA] 2.4.1.3.1: a CompressedContainer to its decompressed bytes."""
    if not data or data[0] != 1:
        raise ValueError("not a compressed container")
    out = bytearray()
    pos = 1
    while pos < len(data):
        header = struct.unpack_from("<H", data, pos)[0]
        end = pos + (header & 0x0FFF) + 3
        chunk_start = len(out)
        pos += 2
        if not header & 0x8000:
            out += data[pos:pos + 4096]
            pos = end
            continue
        while pos < min(end, len(data)):
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= min(end, len(data)):
                    break
                if not flags >> bit & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                token = struct.unpack_from("<H", data, pos)[0]
                pos += 2
                bits = max((len(out) - chunk_start - 1).bit_length(), 4)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                for _ in range(length):
                    out.append(out[-offset])
    return bytes(out)


def modules(vba_project: bytes) -> dict[str, str]:
    """Module name -> source text."""
    cfb = CompoundFile(vba_project)
    info = decompress(cfb.stream("VBA/dir"))
    found: list[tuple[str, int]] = []
    name, offset, pos = "", 0, 0
    while pos + 6 <= len(info):
        rec_id, size = struct.unpack_from("<HI", info, pos)
        pos += 6
        if rec_id == 0x0009:  # PROJECTVERSION: its size field does not count its data
            pos += 6
            continue
        data = info[pos:pos + size]
        pos += size
        if rec_id == 0x001A:  # MODULESTREAMNAME
            name = data.decode("latin-1")
        elif rec_id == 0x0031:  # MODULEOFFSET
            offset = struct.unpack("<I", data)[0]
        elif rec_id == 0x002B:  # end of a MODULE record
            found.append((name, offset))
    return {n: decompress(cfb.stream(f"VBA/{n}")[o:]).decode("latin-1") for n, o in found}
