"""The proof that nothing leaves this computer: every reach for a network is counted, with where it came from."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from playground.core.netwatch import NetWatch, watch


def test_nothing_yet_reads_as_zero():
    assert NetWatch().summary() == "0 network requests since start"


def test_a_name_lookup_and_a_connection_are_counted_with_their_origin():
    process = watch()
    before = len(process.attempts)
    with pytest.raises(OSError):
        socket.getaddrinfo("playground-test.invalid", 80)  # .invalid never resolves
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        with pytest.raises(OSError):
            s.connect(("127.0.0.1", 9))  # the discard port: closed here, refused at once
    new = process.attempts[before:]
    assert [a.what for a in new] == ["name lookup of playground-test.invalid", "connect to 127.0.0.1:9"]
    assert all(a.origin.startswith("tests/test_netwatch.py:") for a in new)
    assert process.summary().endswith(f"since start: the last, connect to 127.0.0.1:9, from {new[-1].origin}")


def test_a_web_request_is_counted_before_its_name_lookup():
    process = watch()
    before = len(process.attempts)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://playground-test.invalid/x", timeout=1)
    new = process.attempts[before:]
    assert [a.what for a in new] == ["web request to http://playground-test.invalid/x",
                                     "http connection to playground-test.invalid",
                                     "name lookup of playground-test.invalid"]
    assert all(a.origin.startswith("tests/test_netwatch.py:") for a in new)


def test_a_local_socket_is_not_a_network(tmp_path):
    process = watch()
    before = len(process.attempts)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "s"))
    server.listen(1)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(str(tmp_path / "s"))
    server.close()
    socket.gethostname()  # reading this computer's own name asks nobody
    assert process.attempts[before:] == ()


def test_an_internet_socket_opened_outside_python_is_found_by_looking():
    mine = NetWatch()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # stands in for one a native library opened
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        mine.check_sockets()
        mine.check_sockets()  # the same socket is counted once
        port = listener.getsockname()[1]
        assert [a.sentence() for a in mine.attempts] == [
            f"an open internet socket (listening on 127.0.0.1:{port}), from native code"]
    finally:
        listener.close()


def test_a_connection_the_hook_counted_is_not_counted_again_by_looking():
    process = watch()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        process.check_sockets()  # the listening socket, found by looking (this test made it: it counts)
        before = len(process.attempts)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(("127.0.0.1", port))
            process.check_sockets()
            assert [a.what for a in process.attempts[before:]] == [f"connect to 127.0.0.1:{port}"]
    finally:
        server.close()
