#!/usr/bin/env python3
"""The benchmark driver (started by scripts/bench/run.sh, which builds and resolves what it needs).

Everything it measures runs the real Flink jar (embedded cluster) on real processes: an embedded
PostgreSQL (scripts/demo/DemoDatabase.java) filled by scripts/bench/BenchDb.java, and the Actito
emulator jar. Results: target/bench/results.json (every raw number), the table on stdout, and,
with --publish, docs/benchmarks.json + docs/benchmarks.png.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLINK_JAR = ROOT / "runners/flink/target/actito-sync-flink.jar"
DIRECT_JAR = ROOT / "runners/direct/target/actito-sync-direct.jar"
EMULATOR_JAR = ROOT / "emulator/target/actito-emulator.jar"
OUT = ROOT / "target/bench"
API_KEY = "bench-api-key-not-secret"
JOB_HEAP = "-Xmx4g"
STREAM_HEAP = "-Xmx1g"  # issue 16: the streaming bulk run's job heap

# name, SQL column, Actito type (W = 10, the key first); BenchDb.java generates the same columns
COLUMNS = [
    ("order_id", "orderId", "LONG"),
    ("customer_id", "customerId", "LONG"),
    ("email", "email", "STRING"),
    ("first_name", "firstName", "STRING"),
    ("country", "country", "STRING"),
    ("amount", "amount", "NUMBER"),
    ("quantity", "quantity", "LONG"),
    ("status", "status", "STRING"),
    ("is_vip", "vip", "BOOLEAN"),
    ("ordered_at", "orderedAt", "TIMESTAMP"),
]

RAISED_LIMITS = {"maxConcurrent": 50, "callsPerMinute": 1000000, "rateMode": "OFF", "retryAfterSeconds": 1,
                 "bulkImportsPerTablePerDay": 10000, "maxImportBytes": 104857600,
                 "importProcessingDelayMillis": 0}


def log(msg):
    print(time.strftime("%H:%M:%S ") + msg, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.work / "snapshots", ignore_errors=True)  # every activation starts from no snapshot
        self.db_cp = (OUT / "db-classpath.txt").read_text().strip()
        self.procs = []
        self.results = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "jobHeap": JOB_HEAP,
                        "machine": machine(), "runs": [], "sizes": {}}
        (self.work / "actito.key").write_text(API_KEY)
        # the Flink jar's cache folder (class archive, run sizes; README "The JVM a run gets"): this harness
        # run's own, so that what it measures does not depend on what earlier runs left in ~/.cache
        os.environ.setdefault("ACTITO_SYNC_CACHE", str(self.work / "jvm-cache"))
        shutil.rmtree(os.environ["ACTITO_SYNC_CACHE"], ignore_errors=True)
        self.jars = [Path(j).resolve() for j in args.jar.split(",")]  # --jar: the first one also seeds
        # --jar-args: extra command-line arguments per --jar entry (";"-separated, aligned with --jar), so one
        # jar can be compared with itself under another option (e.g. --source.jdbc.partitions=2)
        extra = args.jar_args.split(";") if args.jar_args else []
        if len(extra) > len(self.jars):
            raise SystemExit(f"--jar-args has {len(extra)} entries for {len(self.jars)} --jar entries")
        self.jar_args = [e.split() for e in extra] + [[] for _ in range(len(self.jars) - len(extra))]

    def split_args(self, i):
        """--jar-args of entry i: (JVM options, i.e. those starting with -X, -D or -agentpath: (a lab profile,
        never a published run); the job's arguments)."""
        jvm = [a for a in self.jar_args[i] if a.startswith(("-X", "-D", "-agentpath:"))]
        return jvm, [a for a in self.jar_args[i] if a not in jvm]

    # --- processes -------------------------------------------------------------------------------
    def start_db(self):
        url_file = self.work / "jdbc-url"
        if url_file.exists():
            url_file.unlink()
        log_file = open(self.work / "db.log", "w")
        p = subprocess.Popen(["java", "-cp", self.db_cp, str(ROOT / "scripts/demo/DemoDatabase.java"), "start",
                              str(self.work)], stdout=log_file, stderr=subprocess.STDOUT)
        self.procs.append(p)
        for _ in range(240):
            if url_file.exists():
                self.jdbc = url_file.read_text().strip()
                return
            time.sleep(0.5)
        raise SystemExit("the database did not start; see " + str(self.work / "db.log"))

    def start_emulator(self, name, limits):
        data = {
            "entities": [{"id": 1, "name": "bench", "comment": None}],
            "apiKeys": [{"key": API_KEY, "entities": ["bench"]}],
            "customTables": [{
                "entity": "bench", "id": "b3a7c000-0000-0000-0000-000000000001", "name": "orders",
                "primaryKeyAttribute": "orderId",
                "attributes": [dict({"name": attr, "valueType": typ},
                                    **({"mandatory": True, "unique": True} if attr == "orderId" else {}))
                               for _, attr, typ in COLUMNS],
                "records": []}],
        }
        if limits is not None:
            data["limits"] = limits
        data_file = self.work / f"emulator-{name}.json"
        data_file.write_text(json.dumps(data))
        port = free_port()
        log_file = open(self.work / f"emulator-{name}.log", "w")
        p = subprocess.Popen(["java", "-Xmx6g", "-jar", str(EMULATOR_JAR), f"--port={port}", f"--data={data_file}"],
                             stdout=log_file, stderr=subprocess.STDOUT)
        self.procs.append(p)
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/_emulator/stats", timeout=2).read()
                return base
            except OSError:
                time.sleep(0.5)
        raise SystemExit("the emulator did not start")

    def stop(self):
        if getattr(self, "job", None) is not None:
            os.killpg(self.job.pid, signal.SIGTERM)  # the job in progress (time and its JVM)
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()

    @staticmethod
    def admin(base, path, method="GET"):
        req = urllib.request.Request(base + "/_emulator/" + path, method=method,
                                     data=b"" if method == "POST" else None)
        body = urllib.request.urlopen(req, timeout=60).read()
        return json.loads(body) if body else None

    def db(self, *args):
        out = subprocess.run(["java", "-cp", self.db_cp, str(ROOT / "scripts/bench/BenchDb.java"), *args, ],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit("BenchDb " + " ".join(args[:1]) + " failed:\n" + out.stderr[-3000:])
        return json.loads(out.stdout.strip().splitlines()[-1])

    # --- activations --------------------------------------------------------------------------------
    def config(self, name, table, base, mode="UPSERT", strategy="AUTO", columns=COLUMNS):
        mapping = "\n".join(f"  - {{column: {c}, attribute: {a}, type: {t}}}" for c, a, t in columns)
        selected = [c for c, _, _ in columns]
        if self.args.key_prefix:  # --key-prefix: text keys sharing a prefix, as real keys often do
            selected[0] = f"'{self.args.key_prefix}' || lpad(order_id::text, 12, '0') AS order_id"
        text = f"""name: {name}
source:
  jdbc:
    url: "{self.jdbc}"
    query: "SELECT {', '.join(selected)} FROM {table}"
key: order_id
mapping:
{mapping}
mode: {mode}
target:
  baseUrl: {base}
  entity: bench
  table: orders
  apiKeyFile: {self.work / 'actito.key'}
snapshot:
  root: {self.work / 'snapshots'}
write:
  strategy: {strategy}
"""
        path = self.work / f"{name}.yaml"
        path.write_text(text)
        return path

    def run_job(self, label, cmd, expect=(0,), jfr=None, timeout=None, heap=JOB_HEAP, jvm_args=()):
        """Runs a JVM under /usr/bin/time -v; returns wall time, peak RSS, exit code and the report.
        With a timeout, a run still going after it is killed and recorded with killedAfterSeconds."""
        log(f"run {label}")
        jvm = ["java", *([heap] if heap else []), *jvm_args]
        if jfr:
            jvm += [f"-XX:StartFlightRecording=filename={jfr},settings=profile"]
        stderr_file = self.work / f"{label}.err"
        load_before = loadavg()
        t0 = time.time()
        with open(self.work / f"{label}.out", "w") as out, open(stderr_file, "w") as err:
            job = subprocess.Popen(["/usr/bin/time", "-v", *jvm, *cmd], stdout=out, stderr=err, start_new_session=True)
            self.job = job
            killed = False
            try:
                code = job.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(job.pid, signal.SIGKILL)
                code = job.wait()
                killed = True
            self.job = None
        wall = time.time() - t0
        err_text = stderr_file.read_text(errors="replace")
        out_text = (self.work / f"{label}.out").read_text(errors="replace")
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err_text)
        rss_mb = int(m.group(1)) / 1024 if m else None
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err_text))
        report = None
        m = re.search(r"^report: (\S+)", out_text, re.M)
        if m and Path(m.group(1)).exists():
            report = json.loads(Path(m.group(1)).read_text())
        seed = None
        m = re.search(r'^\{"runId".*\}$', out_text, re.M)
        if m:
            seed = json.loads(m.group(0))
        run = {"label": label, "exit": code, "startedAt": t0, "wallSeconds": round(wall, 1), "heap": heap,
               "loadBefore": load_before, "loadAfter": loadavg(),
               "peakRssMb": round(rss_mb) if rss_mb else None, "cpuSeconds": round(cpu, 1), "report": report,
               "seed": seed}
        if killed:
            run["killedAfterSeconds"] = round(wall)
            log(f"  killed after {wall:.0f} s (--direct-timeout)")
            self.results["runs"].append(run)
            self.save()
            return run
        self.results["runs"].append(run)
        log(f"  exit {code}, {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {run['peakRssMb']} MB, load {load_before} → {run['loadAfter']}"
            + (f", pipeline {report['durationsMillis']}" if report else ""))
        if code not in expect:
            print(out_text[-3000:], err_text[-3000:], sep="\n")
            raise SystemExit(f"{label}: unexpected exit code {code}")
        self.save()
        return run

    def flink(self, config, *extra, jar=None):
        return ["-jar", str(jar or self.jars[0]), f"--config={config}", "--progressSeconds=0", *extra]

    def save(self):
        Path(self.args.results).parent.mkdir(parents=True, exist_ok=True)
        Path(self.args.results).write_text(json.dumps(self.results, indent=2))

    # --- scenarios ----------------------------------------------------------------------------------
    def size(self, n, raised):
        r = self.results["sizes"].setdefault(str(n), {"rows": n})
        table = f"seg_{n}"
        r["generate"] = self.db("generate", self.jdbc, table, str(n), str(len(COLUMNS)))
        log(f"generated {n} rows: {r['generate']}")

        inc = self.config(f"inc-{n}", table, raised)
        with_writes = n <= self.args.full_sync_writes_max
        if with_writes:
            # 1. first full sync with its writes: bulk ETL executions into the emulator (limits raised); its
            #    report's stage times split it into read / classify / write; it is the incremental runs' base
            self.admin(raised, "reset", "POST")
            self.admin(raised, "stats/reset", "POST")
            full = self.config(f"inc-{n}", table, raised, strategy="BULK")
            self.run_job(f"full-{n}", self.flink(full))
            r["fullSync"] = f"full-{n}"
            r["fullSyncEmulator"] = self.admin(raised, "stats")
            self.admin(raised, "reset", "POST")
            inc = self.config(f"inc-{n}", table, raised)  # the incremental runs: write.strategy AUTO
        if not with_writes or self.args.seed_always:
            # 1'. first full sync without the writes (writer acknowledges everything, no call): seeds
            #     the snapshot where the writes cannot go through here (see Seed.java)
            seeded = f"seed-{n}" if not with_writes else f"seedonly-{n}"
            cfg = inc if not with_writes else self.config(seeded, table, raised)
            self.run_job(f"seed-{n}", ["-cp", f"{self.jars[0]}:{OUT / 'classes'}", "Seed", f"--config={cfg}",
                                        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"])
            r["fullSyncNoWrites"] = f"seed-{n}"
        entries = self.snapshot_bytes(f"inc-{n}")
        r["snapshot"] = {"bytes": entries, "bytesPerRow": round(entries / n, 1)}

        # 3. the second version: 1 % churn; the baseline's previous-snapshot digests first
        r["digests"] = self.db("digests", self.jdbc, table)
        r["churn"] = self.db("churn", self.jdbc, table, str(n), str(self.args.churn))
        log(f"churn: {r['churn']}")

        if len(self.jars) > 1 or self.args.ab_rounds > 1:
            self.ab(n, r, inc, raised)
            return

        # 4. the diff path: incremental dry run (read + classify + plan); at the profile size, one more
        #    dry run under JFR, its own entry (sizes[].profileRun): no published time has a profiler on
        self.run_job(f"inc-dry-{n}", self.flink(inc, "--dryRun"))
        r["incrementalDry"] = f"inc-dry-{n}"
        if n == self.args.profile_size:
            jfr = str(self.work / f"inc-dry-{n}-profiled.jfr")
            self.run_job(f"inc-dry-{n}-profiled", self.flink(inc, "--dryRun"), jfr=jfr)
            r["profileRun"] = f"inc-dry-{n}-profiled"
            r["profile"] = profile_summary(jfr)

        # 5. the baseline: FULL OUTER JOIN against the previous digests, same server, same data
        r["baseline"] = self.db("baseline", self.jdbc, table, "2")
        log(f"baseline: {r['baseline']['millis']} ms")

        # 6. the incremental run with its writes (AUTO strategy, limits raised)
        self.admin(raised, "stats/reset", "POST")
        self.run_job(f"inc-{n}", self.flink(inc))
        r["incremental"] = f"inc-{n}"
        r["incrementalEmulator"] = self.admin(raised, "stats")
        self.admin(raised, "reset", "POST")
        self.db("drop", self.jdbc, table)
        shutil.rmtree(self.work / "snapshots" / f"inc-{n}", ignore_errors=True)
        shutil.rmtree(self.work / "snapshots" / f"full-{n}", ignore_errors=True)
        self.save()

    def ab(self, n, r, inc, raised):
        """--jar=A,B[,C] / --ab-rounds=K: on the same seeded data and churn, K rounds of (each jar's dry
        run, then each jar's incremental run with its writes), interleaved; every incremental
        run (dry or not) starts from the same seeded snapshot (restored before each), every incremental
        run with writes from an empty emulator; odd rounds run the jars in reverse order (B, A); the
        PostgreSQL baseline once per round. The first jar's first runs are the size's headline
        (incrementalDry, incremental); every run is listed under sizes[].ab with its load average."""
        snaps = self.work / "snapshots" / f"inc-{n}"
        backup = self.work / f"snapshots-seeded-inc-{n}"
        shutil.rmtree(backup, ignore_errors=True)
        shutil.copytree(snaps, backup)
        def restore_seeded():  # every run, dry runs of a later round too, reads the seeded snapshot
            shutil.rmtree(snaps, ignore_errors=True)
            shutil.copytree(backup, snaps)

        ab = []
        kinds = set(self.args.ab_kinds.split(","))
        for k in range(self.args.ab_rounds):
            # odd rounds run the jars in reverse order, so no jar always runs right after the previous
            # round's last JVM (or always first, on a cool machine)
            order = list(enumerate(self.jars))[::-1 if k % 2 else 1]
            for i, jar in (order if "dry" in kinds else []):
                restore_seeded()
                label = f"inc-dry-{n}" if (k, i) == (0, 0) else f"inc-dry-{n}-j{i}-r{k}"
                jvm, job = self.split_args(i)
                run = self.run_job(label, self.flink(inc, "--dryRun", *job, jar=jar), jvm_args=jvm)
                ab.append({"round": k, "jar": str(jar), "args": self.jar_args[i], "kind": "dry", "run": label,
                           "wallSeconds": run["wallSeconds"], "load": [run["loadBefore"], run["loadAfter"]]})
            base = self.db("baseline", self.jdbc, f"seg_{n}", "2")
            log(f"baseline: {base['millis']} ms")
            ab.append({"round": k, "kind": "baseline", "millis": base["millis"]})
            if k == 0:
                r["baseline"] = base
            for i, jar in (order if "incremental" in kinds else []):
                restore_seeded()
                self.admin(raised, "reset", "POST")
                self.admin(raised, "stats/reset", "POST")
                label = f"inc-{n}" if (k, i) == (0, 0) else f"inc-{n}-j{i}-r{k}"
                jvm, job = self.split_args(i)
                run = self.run_job(label, self.flink(inc, *job, jar=jar), jvm_args=jvm)
                if (k, i) == (0, 0):
                    r["incrementalEmulator"] = self.admin(raised, "stats")
                ab.append({"round": k, "jar": str(jar), "args": self.jar_args[i], "kind": "incremental", "run": label,
                           "wallSeconds": run["wallSeconds"], "load": [run["loadBefore"], run["loadAfter"]]})
            r["ab"] = ab
            self.save()
        if "dry" in kinds:
            r["incrementalDry"] = f"inc-dry-{n}"
        if "incremental" in kinds:
            r["incremental"] = f"inc-{n}"
        for e in ab:
            log("ab " + json.dumps(e))
        self.admin(raised, "reset", "POST")
        self.db("drop", self.jdbc, f"seg_{n}")
        shutil.rmtree(snaps, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)
        self.save()

    def fixed(self, raised):
        """Issue 18: the fixed cost of a small run. The same 1,000-row dry run (a first run: no snapshot,
        every row an INSERT, nothing written, so every repetition does the same work) on the Flink jar with
        the default command line, --fixed-runs times; the first run is discarded (warm-up of the OS cache).
        Each --fixed-variants entry adds JVM flags a user may pass; "cds" first writes a CDS archive of
        the classes the run loads (-XX:ArchiveClassesAtExit, one extra run, not counted)."""
        n = self.args.fixed_rows
        table = f"seg_fixed_{n}"
        self.db("generate", self.jdbc, table, str(n), str(len(COLUMNS)))
        cfg = self.config(f"fixed-{n}", table, raised)
        archive = self.work / "fixed-cds.jsa"
        cmd = ["-jar", str(self.args.fixed_jar), f"--config={cfg}", "--progressSeconds=0", "--dryRun"]
        variants = {}
        for name in self.args.fixed_variants.split(","):
            flags = list(FIXED_VARIANTS[name])
            if "cds" in name:
                # OpenJDK 17.0.15 sometimes crashes (SIGSEGV in SystemDictionaryShared, exit 134) while it
                # writes the archive at exit; the run itself has finished by then: try again
                archive.unlink(missing_ok=True)
                for attempt in range(3):
                    self.run_job(f"fixed-{name}-dump{attempt}", cmd, heap=None, expect=(0, 134),
                                 jvm_args=[*flags, f"-XX:ArchiveClassesAtExit={archive}",
                                           f"-XX:ErrorFile={self.work}/hs_err_pid%p.log"])
                    if archive.exists():
                        break
                if not archive.exists():
                    variants[name] = {"error": "the JVM did not write the CDS archive (3 attempts)"}
                    continue
                flags.append(f"-XX:SharedArchiveFile={archive}")
            runs = []
            for i in range(self.args.fixed_runs):
                runs.append(self.run_job(f"fixed-{name}-{i}", cmd, heap=None, jvm_args=flags))
                m = re.search(r"^report: (\S+)", (self.work / f"fixed-{name}-{i}.out").read_text(), re.M)
                shutil.copy(Path(m.group(1)).parent / "run.log", self.work / f"fixed-{name}-{i}.run.log")
            counted = runs[1:] or runs
            walls = sorted(r["wallSeconds"] for r in counted)
            cpus = sorted(r["cpuSeconds"] for r in counted)
            variants[name] = {"jvmFlags": " ".join(FIXED_VARIANTS[name] + (["-XX:SharedArchiveFile=…"] if "cds" in name else [])),
                              "wallSecondsMedian": median(walls), "wallSecondsMin": walls[0],
                              "cpuSecondsMedian": median(cpus), "runs": [r["label"] for r in counted],
                              "timeline": timeline(self.work / f"{counted[-1]['label']}.run.log", counted[-1])}
            log(f"fixed {name}: wall median {variants[name]['wallSecondsMedian']} s, min {walls[0]} s, "
                f"CPU median {variants[name]['cpuSecondsMedian']} s")
        first = variants[self.args.fixed_variants.split(",")[0]]
        self.results["fixedCost"] = dict({"rows": n, "command": "java -jar actito-sync-flink.jar --config=FILE"
                                          " --dryRun --progressSeconds=0", "jar": str(self.args.fixed_jar),
                                          "warmUpRunsDiscarded": 1},
                                         **{k: v for k, v in first.items() if k != "jvmFlags"}, variants=variants)
        self.db("drop", self.jdbc, table)
        shutil.rmtree(self.work / "snapshots" / f"fixed-{n}", ignore_errors=True)
        self.save()

    def warm_jvm_cache(self, raised):
        """Before any measured run: one 1,000-row dry run per jar (not measured), after which the jar has
        its class archive. A user's jar builds it once, after its first run on the machine; the published
        runs describe the runs after that one (the first run's cost is this step's, in the JSON)."""
        table = "seg_warm_1000"
        self.db("generate", self.jdbc, table, "1000", str(len(COLUMNS)))
        cfg = self.config("warm-1000", table, raised)
        warm = []
        for jar in dict.fromkeys([*self.jars, Path(self.args.fixed_jar).resolve()]):
            run = self.run_job(f"warm-{len(warm)}", ["-jar", str(jar), f"--config={cfg}", "--progressSeconds=0",
                                                   "--dryRun"], heap=None)
            warm.append({"jar": str(jar), "run": run["label"], "wallSeconds": run["wallSeconds"]})
        self.results["jvmCacheWarmUp"] = {"cache": os.environ["ACTITO_SYNC_CACHE"], "runs": warm}
        self.db("drop", self.jdbc, table)
        shutil.rmtree(self.work / "snapshots" / "warm-1000", ignore_errors=True)
        self.save()

    def snapshot_bytes(self, activation):
        root = self.work / "snapshots" / activation
        current = (root / "CURRENT").read_text().strip()
        entries = root / "runs" / current / "entries"
        return sum(f.stat().st_size for f in entries.rglob("*") if f.is_file())

    def runners(self, raised):
        """The same activation (a full sync of N rows, dry run: read + diff + plan) on both jars."""
        n = self.args.runners_rows
        table = f"seg_runners_{n}"
        self.db("generate", self.jdbc, table, str(n), str(len(COLUMNS)))
        r = {"rows": n}
        variants = {"flink": (FLINK_JAR, []), "direct": (DIRECT_JAR, []),
                    # the DirectRunner without its model enforcements (DirectOptions)
                    "directNoEnforce": (DIRECT_JAR, ["--enforceImmutability=false", "--enforceEncodability=false"])}
        for name in self.args.runner_variants.split(","):
            jar, extra = variants[name]
            cfg = self.config(f"runners-{name}-{n}", table, raised)
            jfr = str(self.work / f"runners-{name}-{n}.jfr")
            timeout = self.args.direct_timeout if name.startswith("direct") and self.args.direct_timeout else None
            run = self.run_job(f"runners-{name}-{n}",
                               ["-jar", str(jar), f"--config={cfg}", "--progressSeconds=0", "--dryRun", *extra],
                               jfr=jfr, timeout=timeout)
            if run.get("killedAfterSeconds"):
                r[name] = None
                r[name + "KilledAfterSeconds"] = run["killedAfterSeconds"]
                r["note"] = f"Direct runs still going after --direct-timeout={timeout} s were killed (wall time at the kill)"
                continue
            r[name] = run["label"]
            r[name + "Profile"] = profile_summary(jfr)
        self.results["runners"] = r
        self.db("drop", self.jdbc, table)
        self.save()

    def api(self):
        """The write path under Actito's documented limits (the emulator's defaults)."""
        realistic = self.start_emulator("realistic", None)
        r = {"limits": "emulator defaults: 5 concurrent, 100 calls/min (LATENCY), 24 bulk executions/table/day"}
        for strategy, rows in (("RECORDS", self.args.api_record_rows), ("BULK", self.args.api_bulk_rows)):
            table = f"seg_api_{strategy.lower()}"
            self.db("generate", self.jdbc, table, str(rows), str(len(COLUMNS)))
            self.admin(realistic, "reset", "POST")
            self.admin(realistic, "stats/reset", "POST")
            cfg = self.config(f"api-{strategy.lower()}", table, realistic, strategy=strategy)
            run = self.run_job(f"api-{strategy.lower()}", self.flink(cfg))
            r[strategy] = {"rows": rows, "run": run["label"], "emulator": self.admin(realistic, "stats")}
            if strategy == "RECORDS":
                # when each record was created (emulator clock, seconds): the achieved rate over time
                recs = self.admin(realistic, "records/bench/orders?technical=true")
                moments = sorted(x["creationMoment"] for x in recs)
                r[strategy]["creationMoments"] = moments
            if not self.args.csv_bytes_per_row:
                self.args.csv_bytes_per_row = self.db("csvbytes", self.jdbc, table)["bytesPerRow"]
            self.db("drop", self.jdbc, table)
        # the strategy AUTO picks for 100, 10,000 and 1,000,000 changed rows (inserts and updates)
        out = subprocess.run(["java", "-cp", f"{FLINK_JAR}:{OUT / 'classes'}", "StrategyPicks",
                              str(self.args.csv_bytes_per_row), "100", "10000", "1000000"],
                             capture_output=True, text=True, check=True)
        r["picks"] = json.loads(out.stdout)
        r["csvBytesPerRow"] = self.args.csv_bytes_per_row
        self.results["api"] = r
        self.save()

    def bulk_stream(self, raised):
        """Issue 16: N new rows (a first UPSERT sync) through write.strategy BULK with the job's heap at
        -Xmx1g: the bulk path streams its files from disk. Records the files (rows, bytes: the job's
        "started ETL execution" lines), the emulator's calls, and the records its imports created."""
        n = self.args.bulk_stream_rows
        table = f"seg_stream_{n}"
        # W = 9 (no ordered_at): with the 10 columns the writer's CSV estimate (ChangeStats: 108 B/row against
        # 89 B/row written) makes 2,000,000 rows 3 files, over WriterConfig.maxImportsPerRun = 2, and a
        # forced BULK is refused before any write (first attempt, docs/benchmarks.md)
        columns = COLUMNS[:9]
        r = {"rows": n, "heap": STREAM_HEAP, "columns": len(columns),
             "generate": self.db("generate", self.jdbc, table, str(n), str(len(columns)))}
        self.admin(raised, "reset", "POST")
        self.admin(raised, "stats/reset", "POST")
        shutil.rmtree(self.work / "snapshots" / f"stream-{n}", ignore_errors=True)
        cfg = self.config(f"stream-{n}", table, raised, strategy="BULK", columns=columns)
        run = self.run_job(f"stream-{n}", self.flink(cfg), heap=STREAM_HEAP,
                           jvm_args=["-XX:+HeapDumpOnOutOfMemoryError", f"-XX:HeapDumpPath={self.work}",
                                     "-Dorg.slf4j.simpleLogger.log.org.actitosync.actito.etl.EtlApi=info"])
        r["run"] = run["label"]
        err = (self.work / f"stream-{n}.err").read_text(errors="replace")
        r["files"] = [{"rows": int(m.group(1)), "bytes": int(m.group(2))} for m in
                      re.finditer(r"started ETL execution \S+ of .*? \((\d+) rows, (\d+) bytes\)", err)]
        self.results["bulkStream"] = r
        self.save()
        # every row in the emulator: the keys its imports created (its stats; GET /_emulator/records, one
        # JSON array, runs the emulator out of its 6 GB heap at 2,000,000 records)
        stats = self.admin(raised, "stats")
        created = stats.pop("recordCreates", {}).get("orders", {})
        r["emulator"] = stats
        r["emulatorRecords"] = len(created)
        r["emulatorRecordsCreatedTwice"] = sum(1 for c in created.values() if c != 1)
        log(f"stream: {len(r['files'])} files {r['files']}, {r['emulatorRecords']} records in the emulator")
        self.admin(raised, "reset", "POST")
        self.db("drop", self.jdbc, table)
        shutil.rmtree(self.work / "snapshots" / f"stream-{n}", ignore_errors=True)
        self.save()


    # --- issue 18: a long-lived Flink session cluster ---------------------------------------------------
    def start_session_cluster(self, jar):
        """A Flink 1.19 session cluster on loopback: a JobManager and one TaskManager of 2 slots (this
        machine's cores), each its own JVM run from the shaded Flink jar itself (it holds Flink's runtime),
        default JIT and GC; classloader.resolve-order parent-first, so every job's classes are the
        TaskManager's own: the code the JIT compiled for one run stays compiled for the next. Memory as
        the embedded cluster gets it under the job heap -Xmx4g: 3 GB task heap, 1.5 GB managed."""
        rest, rpc = free_port(), free_port()
        conf = self.work / "session-conf"
        tmp = self.work / "session-tmp"
        conf.mkdir(exist_ok=True)
        tmp.mkdir(exist_ok=True)
        (conf / "flink-conf.yaml").write_text("\n".join([
            "jobmanager.rpc.address: 127.0.0.1", f"jobmanager.rpc.port: {rpc}", "jobmanager.bind-host: 127.0.0.1",
            "jobmanager.memory.process.size: 1g", "rest.address: 127.0.0.1", "rest.bind-address: 127.0.0.1",
            f"rest.port: {rest}", "taskmanager.host: 127.0.0.1", "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.numberOfTaskSlots: 2", "taskmanager.cpu.cores: 2",
            "taskmanager.memory.framework.heap.size: 128m", "taskmanager.memory.task.heap.size: 3g",
            "taskmanager.memory.managed.size: 1536m", "taskmanager.memory.network.min: 256m",
            "taskmanager.memory.network.max: 256m", "taskmanager.memory.framework.off-heap.size: 128m",
            "taskmanager.memory.task.off-heap.size: 0m", "taskmanager.memory.jvm-metaspace.size: 512m",
            "taskmanager.memory.jvm-overhead.min: 256m", "taskmanager.memory.jvm-overhead.max: 256m",
            "classloader.resolve-order: parent-first", "parallelism.default: 2", f"io.tmp.dirs: {tmp}", ""]))
        opens = ["--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                 "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                 "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                 "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
                 "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                 "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                 "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                 "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"]
        procs = []
        for name, heap, main in (("jobmanager", ["-Xmx512m"], "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"),
                                 ("taskmanager", ["-Xmx3200m", "-XX:MaxDirectMemorySize=512m"],
                                  "org.apache.flink.runtime.taskexecutor.TaskManagerRunner")):
            log_file = open(self.work / f"session-{name}.log", "w")
            procs.append(subprocess.Popen(["java", *heap, *opens, "-cp", str(jar), main, "--configDir", str(conf)],
                                          stdout=log_file, stderr=subprocess.STDOUT))
        self.procs.extend(procs)
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{rest}/overview", timeout=5) as r:
                    if json.loads(r.read()).get("taskmanagers", 0) >= 1:
                        return rest, procs
            except OSError:
                pass
            if any(p.poll() is not None for p in procs):
                break
            time.sleep(0.5)
        raise SystemExit("the session cluster did not start; see " + str(self.work / "session-*.log"))

    @staticmethod
    def cpu_of(procs):
        """User + system CPU seconds of running processes (/proc/PID/stat, clock ticks)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for p in procs:
            fields = Path(f"/proc/{p.pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / ticks

    def session(self, raised):
        """Issue 18: the same runs on a long-lived session cluster (--flinkMaster=localhost:PORT): the
        1,000-row dry run --session-runs times (the first on a cold cluster), then, per --session-rows size,
        a first full sync without writes on the embedded cluster (Seed: the snapshot), the 1 % churn, and
        the incremental runs on the session cluster (dry runs, then runs with writes, every one from the
        seeded snapshot). Each run's client JVM is timed as every other run (wall, CPU); the cluster's CPU
        (both of its JVMs) is added per run; PostgreSQL's join is timed per size."""
        jar = self.jars[0]
        port, procs = self.start_session_cluster(jar)
        log(f"session cluster: REST port {port}")
        master = [f"--flinkMaster=localhost:{port}", "--parallelism=2"]
        r = {"flinkMaster": "session cluster, 1 TaskManager, 2 slots, parent-first", "runs": []}

        def timed(label, cmd, heap=None):
            before = self.cpu_of(procs)
            run = self.run_job(label, cmd, heap=heap)
            run["clusterCpuSeconds"] = round(self.cpu_of(procs) - before, 1)
            log(f"  cluster CPU {run['clusterCpuSeconds']} s")
            r["runs"].append({"label": label, "wallSeconds": run["wallSeconds"], "cpuSeconds": run["cpuSeconds"],
                              "clusterCpuSeconds": run["clusterCpuSeconds"],
                              "pipelineSeconds": ((run.get("report") or {}).get("durationsMillis") or {}).get("total")})
            self.save()
            return run

        n = self.args.fixed_rows
        table = f"seg_session_{n}"
        self.db("generate", self.jdbc, table, str(n), str(len(COLUMNS)))
        cfg = self.config(f"session-{n}", table, raised)
        for i in range(self.args.session_runs):
            timed(f"session-fixed-{i}", ["-jar", str(jar), f"--config={cfg}", "--progressSeconds=0", "--dryRun", *master])
        self.db("drop", self.jdbc, table)
        for m in [int(x) for x in self.args.session_rows.split(",") if x]:
            table = f"seg_session_{m}"
            self.db("generate", self.jdbc, table, str(m), str(len(COLUMNS)))
            cfg = self.config(f"session-{m}", table, raised)
            # the seed (a first full sync without writes) on the embedded cluster, as in the size runs
            self.run_job(f"session-seed-{m}", ["-cp", f"{jar}:{OUT / 'classes'}", "Seed", f"--config={cfg}",
                                                "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"])
            self.db("digests", self.jdbc, table)
            churn = self.db("churn", self.jdbc, table, str(m), str(self.args.churn))
            snaps = self.work / "snapshots" / f"session-{m}"
            backup = self.work / f"snapshots-seeded-session-{m}"
            shutil.copytree(snaps, backup)
            for kind in ("dry", "inc"):
                for i in range(self.args.session_repeats if kind == "dry" else max(1, self.args.session_repeats - 1)):
                    shutil.rmtree(snaps, ignore_errors=True)
                    shutil.copytree(backup, snaps)
                    self.admin(raised, "reset", "POST")
                    timed(f"session-{kind}-{m}-{i}", self.flink(cfg, *(["--dryRun"] if kind == "dry" else []),
                                                               *master, jar=jar))
            r.setdefault("sizes", {})[str(m)] = {"churn": churn, "baseline": self.db("baseline", self.jdbc, table, "2")}
            log(f"baseline: {r['sizes'][str(m)]['baseline']['millis']} ms")
            self.admin(raised, "reset", "POST")
            self.db("drop", self.jdbc, table)
            shutil.rmtree(backup, ignore_errors=True)
            shutil.rmtree(snaps, ignore_errors=True)
        self.results["session"] = r
        for p in procs:
            p.terminate()
        self.save()


# issue 18: JVM flags a user may pass for a small run (the first variant is the default command line, in
# which the Flink jar tunes its JVM itself: README "The JVM a run gets")
FIXED_VARIANTS = {"default": [], "c1serial": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"],
                  "cds": [], "cdsc1serial": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"],
                  "serial": ["-XX:+UseSerialGC"], "parallel": ["-XX:+UseParallelGC"],
                  "cdsserial": ["-XX:+UseSerialGC"], "cts": ["-XX:CompileThresholdScaling=4"],
                  # the JVM's default collector named explicitly: the jar keeps the JVM as started (its JVM
                  # tuning off), so this is the same jar in the JVM `java -jar` starts
                  "asstarted": ["-XX:+UseG1GC"]}


def machine():
    """The machine the run measured: CPU model, cores, memory. Ratios moved between machine types (docs/benchmarks.md,
    "A second machine type"), so every result says which one it comes from."""
    def read(path):
        try:
            return Path(path).read_text()
        except OSError:
            return ""
    cpuinfo, meminfo = read("/proc/cpuinfo"), read("/proc/meminfo")

    def first(text, pattern):
        m = re.search(pattern, text, re.M)
        return m.group(1).strip() if m else None
    kib = first(meminfo, r"^MemTotal:\s+(\d+) kB")
    family, model = first(cpuinfo, r"^cpu family\s*:(.*)$"), first(cpuinfo, r"^model\s*:(.*)$")
    return {"cpuModel": first(cpuinfo, r"^model name\s*:(.*)$"),  # a VM's may be generic: family/model too
            "cpuFamilyModel": f"{family}/{model}" if family and model else None, "cores": os.cpu_count(),
            "memoryGiB": round(int(kib) / 1024 ** 2, 1) if kib else None}


def loadavg():
    """The machine's 1-minute load average (shared machine: noted with every run)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return None


def median(xs):
    xs = sorted(xs)
    return round((xs[(len(xs) - 1) // 2] + xs[len(xs) // 2]) / 2, 2)


# the run.log records that mark the phases of a run (first match of each), in the order they happen
TIMELINE_MARKS = [
    ("loaded", "Launcher: loaded"), ("checked", "Launcher: checked"), ("preflightDone", "Launcher: preflight done"),
    ("built", "Launcher: built"), ("translationStart", "Executing pipeline using FlinkRunner"),
    ("miniClusterStart", "Starting Flink Mini Cluster"), ("miniClusterStarted", "Flink Mini Cluster started successfully"),
    ("jobRunning", "switched from state CREATED to RUNNING"), ("jobFinished", "switched from state RUNNING to FINISHED"),
    ("miniClusterShutDown", "Running CoordinatedShutdown"),
]


def timeline(run_log, run):
    """Where one run's wall time went: seconds from the start of its JVM (the harness's clock) to the
    run.log records that mark each phase (TIMELINE_MARKS; run.log's times are UTC, millisecond), and
    to its last record; the JVM's exit is the run's wallSeconds."""
    import datetime
    marks, last = {}, None
    for line in Path(run_log).read_text(errors="replace").splitlines():
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) \w+ \S+: (.*)", line)
        if not m:
            continue
        t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").replace(
            tzinfo=datetime.timezone.utc).timestamp() - run["startedAt"]
        marks.setdefault("firstRecord", round(t, 2))
        last = round(t, 2)
        for name, text in TIMELINE_MARKS:
            if name not in marks and text in line:
                marks[name] = round(t, 2)
    marks["lastRecord"] = last
    marks["exit"] = run["wallSeconds"]
    return marks


def profile_summary(jfr, top=25):
    """Top frames (self) and top 'actito' frames of the JFR execution samples."""
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", jfr],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr[-500:]}
    events = json.loads(out.stdout)["recording"]["events"]
    self_counts, ours, by_thread = {}, {}, {}
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        if not frames:
            continue
        name = lambda f: f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
        self_counts[name(frames[0])] = self_counts.get(name(frames[0]), 0) + 1
        for f in frames:
            n = name(f)
            if n.startswith("org.actitosync") or n.startswith("org.postgresql"):
                ours[n] = ours.get(n, 0) + 1
                break
        t = e["values"].get("sampledThread", {}).get("javaName") or "?"
        t = re.sub(r"\d+", "N", t)[:60]
        by_thread[t] = by_thread.get(t, 0) + 1
    total = sum(self_counts.values())
    pick = lambda d: [[k, v, round(100.0 * v / total, 1)] for k, v in sorted(d.items(), key=lambda kv: -kv[1])[:top]]
    return {"samples": total, "topSelf": pick(self_counts), "topActitoOrJdbcFrame": pick(ours),
            "threads": pick(by_thread), "jit": jit_summary(jfr)}


def jit_summary(jfr):
    """The JIT's share: compilations and the time the compiler threads spent (the JVM's totals from
    jdk.CompilerStatistics, last event of the recording). The execution samples above count Java
    threads only; the compiler threads' time is here."""
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.CompilerStatistics", jfr],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr[-300:]}
    events = json.loads(out.stdout)["recording"]["events"]
    if not events:
        return None
    last = events[-1]["values"]

    def seconds(v):  # "PT12.3S"-style durations, or milliseconds
        if isinstance(v, (int, float)):
            return round(v / 1000, 1)
        m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", str(v))
        return round(int(m.group(1) or 0) * 60 + float(m.group(2)), 1) if m else v

    return {"compilations": last.get("compileCount"), "compilerSeconds": seconds(last.get("totalTimeSpent")),
            "peakCompilationSeconds": seconds(last.get("peakTimeSpent"))}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="100000,1000000,10000000")
    p.add_argument("--churn", type=float, default=0.01)
    p.add_argument("--full-sync-writes-max", type=int, default=1000000,
                   help="largest size whose full sync goes through the writer (bulk); above it Seed.java seeds")
    p.add_argument("--seed-always", action="store_true", help="also time the writer-less full sync (Seed) below it")
    p.add_argument("--profile-size", type=int, default=1000000)
    p.add_argument("--runners-rows", type=int, default=50000)
    p.add_argument("--runner-variants", default="flink,direct,directNoEnforce")
    p.add_argument("--direct-timeout", type=int, default=0,
                   help="kill a DirectRunner run after this many seconds (0: never); the ratio is then a lower bound")
    p.add_argument("--api-record-rows", type=int, default=150)
    p.add_argument("--api-bulk-rows", type=int, default=1000)
    p.add_argument("--csv-bytes-per-row", type=int, default=0)
    p.add_argument("--bulk-stream-rows", type=int, default=0,
                   help="issue 16: also run N new rows through write.strategy BULK with the job at -Xmx1g (0: not run)")
    p.add_argument("--fixed-rows", type=int, default=1000, help="issue 18: the fixed cost's dry run (rows)")
    p.add_argument("--fixed-runs", type=int, default=5, help="issue 18: runs per variant, the first discarded")
    p.add_argument("--fixed-jar", default=str(FLINK_JAR), help="issue 18: the Flink jar the fixed part runs")
    p.add_argument("--fixed-variants", default="default",
                   help="issue 18: comma list of " + ",".join(FIXED_VARIANTS) + " (the first is the headline)")
    p.add_argument("--jar", default=str(FLINK_JAR),
                   help="the Flink jar(s) of the size runs; a comma list A,B runs each on the same seeded data, "
                        "interleaved (see --ab-rounds); the first one seeds")
    p.add_argument("--session-runs", type=int, default=4,
                   help="issue 18, --only=session: 1,000-row dry runs on the session cluster (the first one cold)")
    p.add_argument("--session-rows", default="",
                   help="issue 18, --only=session: sizes (comma list) whose incremental runs also go to the session "
                        "cluster: --session-repeats dry runs, then one fewer with writes, each from the seeded snapshot")
    p.add_argument("--session-repeats", type=int, default=3, help="issue 18, --only=session: dry runs per size")
    p.add_argument("--ab-kinds", default="dry,incremental",
                   help="which runs the --jar comparison makes: dry (the diff path), incremental (with writes)")
    p.add_argument("--jar-args", default="",
                   help="extra arguments of each --jar entry's size runs, ';'-separated in --jar's order "
                        "(e.g. --jar=J,J --jar-args=';--source.jdbc.partitions=2'); those starting with -X, -D or "
                        "-agentpath: (a profiler, for a lab run only) go to the JVM")
    p.add_argument("--key-prefix", default="",
                   help="the size runs' key becomes PREFIX || the order id padded to 12 digits (text keys that "
                        "share a prefix); PostgreSQL's baseline still joins on the numeric id")
    p.add_argument("--ab-rounds", type=int, default=1, help="rounds of the --jar comparison (A, B, then B, A, ...)")
    p.add_argument("--skip", default="", help="comma list of: sizes, runners, api, fixed")
    p.add_argument("--only", default="", help="comma list of the parts to run (the others are skipped); "
                   "session (issue 18: a long-lived Flink session cluster) runs only when named here")
    p.add_argument("--work", default=str(OUT / "work"))
    p.add_argument("--results", default=str(OUT / "results.json"))
    args = p.parse_args()
    if args.key_prefix:  # the key is text then, in the mapping and in the emulator's table
        COLUMNS[0] = ("order_id", "orderId", "STRING")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` stops what we started
    b = Bench(args)
    skip = set(filter(None, args.skip.split(",")))
    if args.only:
        skip |= {"sizes", "runners", "api", "fixed", "session"} - set(args.only.split(","))
    else:
        skip.add("session")  # a part of its own: only with --only=session
    try:
        b.start_db()
        log(f"database {b.jdbc}")
        raised = b.start_emulator("raised", RAISED_LIMITS)
        b.warm_jvm_cache(raised)
        if "api" not in skip:
            b.api()
        if "runners" not in skip:
            b.runners(raised)
        if args.bulk_stream_rows:
            b.bulk_stream(raised)
        if "fixed" not in skip:
            b.fixed(raised)
        if "session" not in skip:
            b.session(raised)
        if "sizes" not in skip:
            for n in [int(s) for s in args.sizes.split(",") if s]:
                b.size(n, raised)
        b.results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        b.save()
    finally:
        b.stop()
    log(f"results: {args.results}")


if __name__ == "__main__":
    main()
