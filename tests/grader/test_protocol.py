"""Frames between grader processes: length-prefixed JSON objects, nothing else."""

from __future__ import annotations

import os
import socket
import struct
import threading

import pytest

from grader.wire.protocol import (
    MAX_FRAME,
    FdReceiver,
    FrameReader,
    ProtocolError,
    decode,
    encode,
    send,
)


def test_frames_survive_any_chopping_of_the_stream() -> None:
    messages = [
        {"type": "check", "n": i, "text": "한글 ✓", "x": [1.5, None, True]} for i in range(5)
    ]
    stream = b"".join(encode(m) for m in messages)
    reader = FrameReader()
    got = []
    for i in range(0, len(stream), 7):
        got.extend(reader.feed(stream[i : i + 7]))
    assert got == messages
    assert reader.pending == 0


def test_nan_and_infinity_travel_as_python_writes_them() -> None:
    (frame,) = FrameReader().feed(encode({"v": [float("nan"), float("inf")]}))
    assert frame["v"][1] == float("inf") and frame["v"][0] != frame["v"][0]


@pytest.mark.parametrize(
    "body",
    [b"[1, 2]", b"not json", b"\xff\xfe", b"[" * 100_000, b'"text"'],
)
def test_anything_but_a_json_object_is_a_protocol_error(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        FrameReader().feed(struct.pack(">I", len(body)) + body)


def test_an_oversized_header_is_refused_before_reading_the_body() -> None:
    with pytest.raises(ProtocolError, match="announces"):
        FrameReader().feed(struct.pack(">I", MAX_FRAME + 1))


def test_decode_rejects_huge_integers() -> None:
    with pytest.raises(ProtocolError):
        decode(b'{"n": ' + b"9" * 5000 + b"}")


def test_file_descriptors_travel_with_a_frame() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    read_end, write_end = os.pipe()
    try:
        sender = threading.Thread(
            target=send, args=(left, {"op": "run", "source": "x" * 300_000}, [write_end])
        )
        sender.start()  # a frame larger than the socket buffer: the reader must run meanwhile
        receiver = FdReceiver(right)
        message = receiver.receive()
        assert message is not None and message["op"] == "run" and len(message["source"]) == 300_000
        (fd,) = receiver.take_fds(1)
        os.write(fd, b"ok")
        assert os.read(read_end, 2) == b"ok"
        with pytest.raises(ProtocolError):
            receiver.take_fds(1)
        sender.join()
    finally:
        for sock in (left, right):
            sock.close()
