"""Length-prefixed JSON frames: the only language spoken between grader processes.

Every message between the supervisor, a zygote and a sandboxed child is one
JSON object preceded by its length (4 bytes, big-endian). Nothing is ever
pickled: a child that runs student code can only hand back plain data, and a
malformed, oversized or non-object frame is a :class:`ProtocolError`, which the
supervisor treats as tampering.

This module imports no torch: the supervisor side uses it too.
"""

from __future__ import annotations

import json
import os
import socket
import struct
from typing import Any

HEADER = struct.Struct(">I")
MAX_FRAME = 32 * 1024 * 1024  # observations are small; anything near this is abuse

Message = dict[str, Any]


class ProtocolError(Exception):
    """A frame that is not a well-formed JSON object of a sane size."""


def _c_encoder() -> Any:
    """CPython's C JSON encoder, called directly: it does not look anything up in builtins,
    so a sandboxed child can still report after student code replaced ``isinstance``."""
    try:
        from json import encoder as json_encoder

        make = json_encoder.c_make_encoder  # type: ignore[attr-defined]
        escape = json_encoder.c_encode_basestring  # type: ignore[attr-defined]
    except AttributeError:
        return None
    if make is None or escape is None:
        return None

    def unsupported(value: Any) -> Any:
        raise TypeError(f"cannot encode {type(value).__name__}")

    return make(None, unsupported, escape, None, ":", ",", False, False, True)


_ENCODER = _c_encoder()


def encode(message: Message) -> bytes:
    """One frame: header + compact JSON (NaN and infinities allowed, as Python writes them)."""
    if _ENCODER is not None:
        data = "".join(_ENCODER(message, 0)).encode("utf-8")
    else:
        data = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    if len(data) > MAX_FRAME:
        raise ProtocolError(f"frame of {len(data)} bytes is larger than {MAX_FRAME}")
    return HEADER.pack(len(data)) + data


def decode(data: bytes) -> Message:
    """Parse one frame's body; anything but a JSON object is a :class:`ProtocolError`."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ProtocolError(f"malformed frame: {type(exc).__name__}") from None
    if not isinstance(message, dict):
        raise ProtocolError("a frame must hold a JSON object")
    return message


class FrameReader:
    """Turns a byte stream into frames, however the stream is chopped."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._buffer = bytearray()
        self._max = max_frame

    def feed(self, data: bytes) -> list[Message]:
        self._buffer += data
        frames: list[Message] = []
        while len(self._buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._buffer)
            if size > self._max:
                raise ProtocolError(f"frame header announces {size} bytes (limit {self._max})")
            end = HEADER.size + size
            if len(self._buffer) < end:
                break
            body = bytes(self._buffer[HEADER.size : end])
            del self._buffer[:end]
            frames.append(decode(body))
        return frames

    @property
    def pending(self) -> int:
        """Bytes received that do not form a complete frame yet."""
        return len(self._buffer)


def send(sock: socket.socket, message: Message, fds: list[int] | None = None) -> None:
    """Send one frame, passing ``fds`` along with its first bytes (SCM_RIGHTS)."""
    data = encode(message)
    if fds:
        sent = socket.send_fds(sock, [data], fds)
        data = data[sent:]
    if data:
        sock.sendall(data)


class FdReceiver:
    """Reads frames from a Unix socket and collects the file descriptors sent with them."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = FrameReader()
        self.fds: list[int] = []
        self._ready: list[Message] = []

    def receive(self) -> Message | None:
        """Block until one frame arrives; None at end of stream."""
        while not self._ready:
            data, fds, _flags, _addr = socket.recv_fds(self.sock, 1 << 16, 16)
            self.fds.extend(fds)
            if not data:
                return None
            self._ready.extend(self.reader.feed(data))
        return self._ready.pop(0)

    def take_fds(self, count: int) -> list[int]:
        taken, self.fds = self.fds[:count], self.fds[count:]
        if len(taken) != count:
            for fd in taken:
                os.close(fd)
            raise ProtocolError(f"expected {count} file descriptors, got {len(taken)}")
        return taken
