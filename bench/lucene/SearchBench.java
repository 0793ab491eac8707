/* SearchBench - Lucene 4.10 retrieval for bench/search_eval.py: indexes
 * documents with PersianAnalyzer and BM25Similarity (k1 = 1.2, b = 0.75)
 * in a RAMDirectory, then runs every query and prints its top hits.
 *
 *   java -cp lucene-core.jar:lucene-analyzers-common.jar:lucene-queryparser.jar:DIR \
 *        SearchBench DOCS.tsv QUERIES.tsv [K]
 *
 * DOCS.tsv:    one document a line, "ID<TAB>TEXT"
 * QUERIES.tsv: one query a line,    "QID<TAB>QUERY TEXT"
 * (UTF-8; the writer replaces tabs and line breaks inside TEXT by spaces.)
 *
 * The same analyzer (PersianAnalyzer: Persian char filter for ZWNJ,
 * StandardTokenizer, lower case, Arabic + Persian normalization, Persian
 * stop words) and the same similarity are used at index and at search time.
 * A query is QueryParser.escape(text) parsed by the classic QueryParser on
 * the body field, default operator OR. Output on stdout, one line a query:
 *   QID<TAB>ID1<TAB>ID2 ... (at most K ids, best first; K defaults to 10)
 * and on stderr:
 *   lucene: index DOCS docs S s
 *   lucene: search QUERIES queries S s (PARSE_ERRORS parse errors)
 */
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.RAMDirectory;
import org.apache.lucene.util.Version;

public final class SearchBench {
    private SearchBench() {}

    private static List<String[]> readTsv(String path) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                 new FileInputStream(path), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab < 0)
                    continue;
                rows.add(new String[] { line.substring(0, tab), line.substring(tab + 1) });
            }
        }
        return rows;
    }

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SearchBench DOCS.tsv QUERIES.tsv [K]");
            System.exit(2);
        }
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String[]> docs = readTsv(args[0]);
        List<String[]> queries = readTsv(args[1]);
        Version v = Version.LUCENE_4_10_4;
        BM25Similarity sim = new BM25Similarity(); /* k1 = 1.2, b = 0.75 */

        try (Analyzer analyzer = new PersianAnalyzer(); RAMDirectory dir = new RAMDirectory()) {
            long t0 = System.nanoTime();
            IndexWriterConfig cfg = new IndexWriterConfig(v, analyzer);
            cfg.setSimilarity(sim);
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter w = new IndexWriter(dir, cfg)) {
                for (String[] d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField("id", d[0], Field.Store.YES));
                    doc.add(new TextField("body", d[1], Field.Store.NO));
                    w.addDocument(doc);
                }
                w.commit();
            }
            double indexS = (System.nanoTime() - t0) / 1e9;
            System.err.printf("lucene: index %d docs %.3f s%n", docs.size(), indexS);

            PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
            int parseErrors = 0;
            t0 = System.nanoTime();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(sim);
                QueryParser parser = new QueryParser(v, "body", analyzer);
                parser.setDefaultOperator(QueryParser.Operator.OR);
                for (String[] q : queries) {
                    StringBuilder line = new StringBuilder(q[0]);
                    Query query = null;
                    try {
                        query = parser.parse(QueryParser.escape(q[1]));
                    } catch (ParseException e) {
                        parseErrors++;
                    }
                    if (query != null) {
                        TopDocs top = searcher.search(query, k);
                        for (ScoreDoc sd : top.scoreDocs)
                            line.append('\t').append(searcher.doc(sd.doc).get("id"));
                    }
                    out.println(line);
                }
            }
            out.flush();
            double searchS = (System.nanoTime() - t0) / 1e9;
            System.err.printf("lucene: search %d queries %.3f s (%d parse errors)%n",
                              queries.size(), searchS, parseErrors);
        }
    }
}
