#!/usr/bin/env python3
"""How soon the window appears: launches a command N times and measures, for each run, the time from
the launch to the X server mapping a window whose name contains NAME (a MapNotify event on the root
window's children, received as it happens: nothing is polled, so the measuring costs the two cores
nothing while the app starts). Prints one line per run and the median, in milliseconds.

    DISPLAY=:90 python3 src/build/start_mapped.py 5 "Backprop Lab" -- \
        java -XX:SharedArchiveFile=target/backprop-lab.jsa -Dbackproplab.exitWhenShown=true -jar target/backprop-lab.jar

Needs only libX11 (there with GTK 3). -Dbackproplab.exitWhenShown=true closes the app a second after
its first lesson is shown, so that the next run can start.
"""
import ctypes
import ctypes.util
import statistics
import subprocess
import sys
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19

x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
x11.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
x11.XFree.argtypes = [ctypes.c_void_p]


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


def window_name(display, window):
    name = ctypes.c_char_p()
    if x11.XFetchName(display, window, ctypes.byref(name)) and name.value is not None:
        value = name.value.decode("utf-8", "replace")
        return value
    return ""


def one_run(name, command):
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("no X display: set DISPLAY (e.g. an Xvfb's)")
    x11.XSelectInput(display, x11.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    x11.XSync(display, 0)
    event = ctypes.create_string_buffer(192)  # sizeof(XEvent)
    start = time.monotonic()
    app = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mapped = None
    while mapped is None:
        x11.XNextEvent(display, event)
        now = time.monotonic()
        e = XMapEvent.from_buffer(event)
        if e.type != MAP_NOTIFY:
            continue
        # GTK names its window before mapping it; allow a late name all the same
        for _ in range(50):
            if name in window_name(display, e.window):
                mapped = now
                break
            time.sleep(0.002)
    app.wait()
    return (mapped - start) * 1000.0


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    runs, name, command = int(sys.argv[1]), sys.argv[2], sys.argv[4:]
    times = []
    for i in range(runs):
        ms = one_run(name, command)
        times.append(ms)
        print(f"run {i + 1}: mapped after {ms:.0f} ms", flush=True)
        time.sleep(1)
    print(f"median of {runs}: {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f})")


if __name__ == "__main__":
    main()
