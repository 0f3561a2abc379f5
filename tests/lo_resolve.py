"""Accept-all / reject-all tracked changes with LibreOffice and export the plain text.

Runs under a Python that has LibreOffice's `uno` module (Debian: /usr/bin/python3 with python3-uno), not under
the test interpreter; tests/oracles.py:lo_texts() calls it as a subprocess.

usage: python3 lo_resolve.py OUTDIR A.docx [B.docx ...]
  One headless soffice (private profile, named pipe) for all files. Writes OUTDIR/<n>.accept.txt and
  OUTDIR/<n>.reject.txt (n = position of the file, from 0; UTF-8, LF) and prints one JSON line:
  {"files": [{"accept": {"text": PATH, "redlines_before": N, "redlines_after": N}, "reject": {...}}
             | {"error": MESSAGE}, ...]}
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

DISPATCH = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(profile_dir):
    pipe = "counterdraft_lo_%d_%d" % (os.getpid(), int(time.time() * 1000))
    cmd = [os.environ.get("SOFFICE", "soffice"), "--headless", "--invisible", "--nologo", "--norestore",
           "--nodefault", "--nolockcheck", "--nofirststartwizard",
           "-env:UserInstallation=" + uno.systemPathToFileUrl(profile_dir),
           "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe]
    # A session of its own: /usr/bin/soffice is a wrapper that forks soffice.bin, and only the whole
    # process group can be stopped reliably.
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90  # a first start with a fresh profile takes a few seconds
    while True:
        try:
            return proc, resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                stop_group(proc)
                raise RuntimeError("soffice did not start (exit status %s)" % proc.poll())
            time.sleep(0.2)


def stop_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def count_redlines(doc):
    enum = doc.getRedlines().createEnumeration()
    n = 0
    while enum.hasMoreElements():
        enum.nextElement()
        n += 1
    return n


def resolve_one(ctx, desktop, in_url, out_path, mode):
    # The DOCX filter named, or LibreOffice would open a file that is not a DOCX as plain text.
    doc = desktop.loadComponentFromURL(in_url, "_blank", 0,
                                       (_prop("Hidden", True), _prop("FilterName", "MS Word 2007 XML")))
    if doc is None:
        raise RuntimeError("LibreOffice could not load the document as DOCX")
    try:
        before = count_redlines(doc)
        helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), DISPATCH[mode], "", 0, ())
        after = count_redlines(doc)
        doc.storeToURL(uno.systemPathToFileUrl(out_path),
                       (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8,LF")))
        return {"text": out_path, "redlines_before": before, "redlines_after": after}
    finally:
        doc.close(True)


def watchdog(proc, seconds, scratch):
    """Stop soffice and this process if LibreOffice hangs: a blocked UNO call would otherwise outlive the
    caller's timeout, with soffice left running in its own session."""
    def expire():
        sys.stderr.write("LibreOffice did not finish within %d s\n" % seconds)
        stop_group(proc)
        shutil.rmtree(scratch, ignore_errors=True)
        os._exit(3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def main(argv):
    outdir, sources = os.path.abspath(argv[0]), [os.path.abspath(a) for a in argv[1:]]
    os.makedirs(outdir, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="counterdraft_lo_") as tmp:
        proc, ctx = start_office(os.path.join(tmp, "profile"))
        timer = watchdog(proc, 60 + 60 * len(sources), tmp)
        desktop = None
        try:
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            for n, src in enumerate(sources):
                # A private copy: LibreOffice leaves a .~lock file beside the document it opens, and a stale
                # lock makes a later load return None.
                work = os.path.join(tmp, "in%d.docx" % n)
                try:
                    shutil.copyfile(src, work)
                    url = uno.systemPathToFileUrl(work)
                    results.append({mode: resolve_one(ctx, desktop, url,
                                                      os.path.join(outdir, "%d.%s.txt" % (n, mode)), mode)
                                    for mode in ("accept", "reject")})
                except Exception as exc:  # one bad file must not hide the results of the others
                    results.append({"error": "%s: %s" % (type(exc).__name__, exc)})
        finally:
            try:
                if desktop is not None:
                    desktop.terminate()
            except Exception:  # the bridge drops while the office shuts down
                pass
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
            stop_group(proc)
            timer.cancel()
    print(json.dumps({"files": results}))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
