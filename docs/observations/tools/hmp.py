#!/usr/bin/env python3
"""Send HMP commands to a QEMU monitor on a unix socket; print each command and
its answer. Usage: hmp.py SOCKET CMD [CMD...]"""
import socket, sys, time, re

def main():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sys.argv[1])
    s.settimeout(60)
    def until_prompt():
        buf = b""
        while not buf.endswith(b"(qemu) "):
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        return buf.decode(errors="replace")
    until_prompt()
    for cmd in sys.argv[2:]:
        s.sendall(cmd.encode() + b"\n")
        if cmd == "quit":
            time.sleep(0.5)
            break
        out = until_prompt()
        out = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", out).replace("\r", "")
        lines = out.split("\n")
        # drop the echoed command line and the trailing prompt
        lines = [l for l in lines if l != "(qemu) " and not l.endswith(cmd)]
        print("(qemu) " + cmd)
        print("\n".join(l for l in lines if l.strip()))
    s.close()

main()
