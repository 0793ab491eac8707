#!/usr/bin/python3
"""Compare rasad's Jalali calendar with ICU's Persian calendar.

Usage: jalali_oracle.py JALALI_DUMP

Runs JALALI_DUMP (tests/oracle/jalali_dump.c), which prints one line per day
of 1300-1500 SH: "jy jm jd days gy gm gd". For every line, ICU (Debian's
python3-icu) must put Jalali date jy/jm/jd on the same Julian day number as
rasad's day count, and the Gregorian date rasad printed must be that day too
(checked with Python's own proleptic Gregorian ordinal). The dump's days are
consecutive, so a year where rasad and ICU disagree on Esfand 30 shows up as
mismatches. Also checks that the first and last lines are 1300/1/1 and the
end of 1500. Ends with "N passed, N failed"; exits 77 (CTest skip) with a
message when python3-icu is missing.
"""
import datetime
import subprocess
import sys

UNIX_EPOCH_JDN = 2440588
ORDINAL_TO_JDN = 1721425  # date.toordinal() + this = Julian day number
SHOW = 10                 # mismatches printed in full


def main():
    if len(sys.argv) != 2:
        print("usage: jalali_oracle.py JALALI_DUMP", file=sys.stderr)
        return 2
    try:
        import icu
    except ImportError:
        print("skip: python3-icu is not installed (apt-get install python3-icu); "
              "the Jalali oracle test did not run")
        print("0 passed, 0 failed")
        return 77

    cal = icu.Calendar.createInstance(icu.TimeZone.getGMT(),
                                      icu.Locale("en@calendar=persian"))
    if cal.getType() != "persian":
        print("skip: this ICU has no Persian calendar")
        print("0 passed, 0 failed")
        return 77
    cal.setLenient(False)
    fields = icu.UCalendarDateFields

    out = subprocess.run([sys.argv[1]], stdout=subprocess.PIPE, text=True)
    passed = failed = 0
    first = last = None
    for line in out.stdout.splitlines():
        parts = line.split()
        if not parts[0].lstrip("-").isdigit():
            failed += 1
            print("FAIL dump: " + line)
            continue
        jy, jm, jd, days, gy, gm, gd = (int(x) for x in parts)
        first = first or (jy, jm, jd)
        last = (jy, jm, jd)
        problems = []
        try:
            cal.clear()
            cal.set(jy, jm - 1, jd)
            jdn = cal.get(fields.JULIAN_DAY)
            if jdn - UNIX_EPOCH_JDN != days:
                icu_g = datetime.date.fromordinal(jdn - ORDINAL_TO_JDN)
                problems.append("ICU puts it on %s" % icu_g.isoformat())
        except icu.ICUError as e:
            problems.append("ICU rejects the date (%s)" % e)
        try:
            mine = datetime.date(gy, gm, gd).toordinal() + ORDINAL_TO_JDN - UNIX_EPOCH_JDN
            if mine != days:
                problems.append("Gregorian %d-%02d-%02d is day %d, not %d"
                                % (gy, gm, gd, mine, days))
        except ValueError:
            problems.append("Gregorian %d-%02d-%02d does not exist" % (gy, gm, gd))
        if problems:
            failed += 1
            if failed <= SHOW:
                print("FAIL %d/%02d/%02d (rasad: day %d, %d-%02d-%02d): %s"
                      % (jy, jm, jd, days, gy, gm, gd, "; ".join(problems)))
        else:
            passed += 1
    if first != (1300, 1, 1) or last is None or last[0] != 1500 or last[1] != 12:
        failed += 1
        print("FAIL range: first %s, last %s" % (first, last))
    if out.returncode != 0:
        failed += 1
        print("FAIL jalali_dump exited with status %d" % out.returncode)
    if failed > SHOW:
        print("... %d more mismatches not shown" % (failed - SHOW))
    print("days checked against ICU %s Persian calendar: %d" % (icu.ICU_VERSION, passed + failed))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
