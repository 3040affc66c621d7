#!/usr/bin/env python3
"""Builds the initrd: a cpio "newc" archive holding /bin/<program> for every program given.
Usage: mkinitrd.py OUT.cpio build/user/init build/user/menu ..."""
import os
import sys


def entry(name, mode, data=b"", mtime=0):
    name_b = name.encode() + b"\0"
    fields = [0, mode, 0, 0, 1, mtime, len(data), 0, 0, 0, 0, len(name_b), 0]
    head = b"070701" + b"".join(b"%08X" % f for f in fields)
    out = head + name_b
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def main():
    out, progs = sys.argv[1], sys.argv[2:]
    archive = entry("bin", 0o040755)
    for path in sorted(progs, key=os.path.basename):
        with open(path, "rb") as f:
            data = f.read()
        archive += entry("bin/" + os.path.basename(path), 0o100755, data,
                         int(os.path.getmtime(path)))
    archive += entry("TRAILER!!!", 0)
    with open(out, "wb") as f:
        f.write(archive)


if __name__ == "__main__":
    main()
