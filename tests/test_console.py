"""The console tty: line editing, Ctrl-C, Ctrl-D, a crashing program, and the second
console with its own shell."""
import re
import time

from tests.harness import PROMPT


def test_backspace_and_ctrl_u(m):
    m.send("echo wrongX\x7f\x7f\x7f\x7f\x7f\x7fright\n")
    m.expect(r"\nright\n", what="backspace to have erased 'wrongX'")
    m.expect(re.escape(PROMPT))
    m.send("garbage typed\x15echo clean\n")
    m.expect(r"\nclean\n", what="Ctrl-U to have erased the line")
    m.expect(re.escape(PROMPT))


def test_ctrl_c_stops_a_looping_program(m):
    m.send("loop\n")
    m.expect("loop: running")
    time.sleep(1.2)
    m.send("\x03")
    m.expect(r"\[\d+\] killed by signal 2 \(SIGINT\)", timeout=5)
    m.expect(re.escape(PROMPT))
    assert m.run("echo alive").strip() == "alive"


def test_ctrl_c_at_the_prompt(m):
    m.send("half a line\x03")
    m.expect(re.escape(PROMPT), timeout=5, what="a fresh prompt after Ctrl-C")
    assert m.run("echo still here").strip() == "still here"


def test_ctrl_d_ends_input_of_a_program(m):
    m.send("cat\n")
    time.sleep(0.3)
    m.send("some text\n")
    m.expect(r"some text\n(.|\n)*some text", what="cat to echo the line back")
    m.send("\x04")
    m.expect(re.escape(PROMPT), timeout=5, what="the prompt after Ctrl-D ended cat")


def test_shell_survives_ctrl_d_at_prompt(m):
    m.send("\x04")
    m.expect(re.escape(PROMPT), timeout=5)
    assert m.run("echo after eof").strip() == "after eof"


def test_faulting_programs_are_killed_and_kernel_lives(m):
    cases = {
        "null": r"crash\[\d+\]: segfault at 0x0 ip 0x[0-9a-f]+",
        "kernel": r"crash\[\d+\]: segfault at 0xc0100000 ip",
        "cli": r"crash\[\d+\]: general protection fault ip",
        "div": r"crash\[\d+\]: divide error ip",
        "stack": r"crash\[\d+\]: segfault at 0x[0-9a-f]+ ip",
    }
    for how, pattern in cases.items():
        text = m.run("crash %s" % how, timeout=20)
        assert re.search(pattern, text), "crash %s printed %r" % (how, text)
        sig = "SIGFPE" if how == "div" else "SIGSEGV"
        assert re.search(r"killed by signal \d+ \(%s\)" % sig, text), text
        assert "still alive" not in text
    assert m.run("echo kernel alive").strip() == "kernel alive"


def test_second_console_has_its_own_shell(m):
    m.tty2_connect()
    m.tty2_send("\n")
    m.tty2_expect(re.escape(PROMPT))
    m.send("loop\n")
    m.expect("loop: running")
    m.tty2_send("echo from the second console\n")
    m.tty2_expect(r"\nfrom the second console\n")
    m.tty2_expect(re.escape(PROMPT))
    m.send("\x03")
    m.expect(re.escape(PROMPT), timeout=5)


def test_raw_mode_gets_each_key_at_once(m):
    m.send("keys\n")
    m.expect("keys: raw mode")
    m.send("a")
    m.expect(r"key 97 'a'\n", what="the key without waiting for Enter")
    m.send("\x7f")
    m.expect(r"key 127\n", what="DEL passed through, not treated as erase")
    m.send("q")
    m.expect("keys: canonical mode again")
    m.expect(re.escape(PROMPT))
    m.send("echo wrongX\x7f\x7f\x7f\x7f\x7f\x7fcanon\n")
    m.expect(r"\ncanon\n", what="line editing back after raw mode")
    m.expect(re.escape(PROMPT))


def test_ps2_keyboard_feeds_the_first_console(m):
    """Keys typed into QEMU's PS/2 keyboard (monitor `sendkey`) reach the shell too."""
    m.send("\x01c")  # Ctrl-A C: to the QEMU monitor on the same stdio
    m.expect(r"\(qemu\) ", what="the QEMU monitor")
    for key in ["e", "c", "h", "o", "spc", "k", "b", "d", "shift-1", "ret"]:
        m.send("sendkey %s\n" % key)
        m.expect(r"\(qemu\) ")
    m.send("\x01c")  # back to the serial console
    m.expect(r"\nkbd!\n", what="the shell to run what the keyboard typed")
    m.expect(re.escape(PROMPT))


def test_ls_lists_bin(m):
    text = m.run("ls")
    for prog in ("init", "menu", "echo", "usertests"):
        assert re.search(r"\b%s\b" % prog, text), "ls does not show %s: %r" % (prog, text)
