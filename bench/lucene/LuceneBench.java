/* LuceneBench - Lucene 4.10's PersianAnalyzer over a text file, for
 * bench/throughput.sh.
 *
 *   java -cp lucene-core.jar:lucene-analyzers-common.jar:DIR LuceneBench FILE [RUNS]
 *
 * Each run reads FILE line by line (UTF-8), sends every line through
 * PersianAnalyzer.tokenStream and counts the tokens. One warm-up run (for
 * the JIT) comes first and is not reported; then one line per run:
 *   lucene run K: TOKENS tokens, SECONDS s, MBPS MB/s, cpu SECONDS s, MBPS MB/s
 * MB is 10^6 bytes of FILE; the first figures are wall clock, the "cpu"
 * ones the CPU time of the analyzing thread (JIT and GC threads not
 * counted). */
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public final class LuceneBench {
    private LuceneBench() {}

    private static long countTokens(Analyzer analyzer, String path) throws IOException {
        long tokens = 0;
        /* InputStreamReader replaces invalid UTF-8 with U+FFFD, as rasad does. */
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                 new FileInputStream(path), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                try (TokenStream ts = analyzer.tokenStream("body", line)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        if (term.length() > 0)
                            tokens++;
                    }
                    ts.end();
                }
            }
        }
        return tokens;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LuceneBench FILE [RUNS]");
            System.exit(2);
        }
        String path = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double mb = new File(path).length() / 1e6;
        try (Analyzer analyzer = new PersianAnalyzer()) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long warm = countTokens(analyzer, path);
            System.out.printf("lucene warm-up: %d tokens%n", warm);
            for (int k = 1; k <= runs; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long tokens = countTokens(analyzer, path);
                double s = (System.nanoTime() - t0) / 1e9;
                double c = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf("lucene run %d: %d tokens, %.3f s, %.1f MB/s, cpu %.3f s, %.1f MB/s%n",
                                  k, tokens, s, mb / s, c, mb / c);
            }
        }
    }
}
