using System.Text;
using KeHoach57.Retrieval;
using Microsoft.Data.Sqlite;

namespace KeHoach57.Benchmarks.Scale;

/// <summary>
/// The same chunks in an SQLite FTS5 table (each analyzer term written as one plain token, so FTS5 sees exactly the
/// index's terms), queried with a plain MATCH of the query's terms OR-ed, ranked by FTS5's own bm25, the scope as a
/// condition on the document column, top 60.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, int> _termIds;

    public Fts5Baseline(string path, IReadOnlyList<(string DocId, List<string> Terms)> chunks, Dictionary<string, int> termIds)
    {
        _path = path;
        _termIds = termIds;
        if (File.Exists(path)) File.Delete(path);
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Execute("CREATE VIRTUAL TABLE chunks USING fts5(doc UNINDEXED, body)");
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO chunks(rowid, doc, body) VALUES ($id, $doc, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var doc = insert.Parameters.Add("$doc", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var text = new StringBuilder();
        for (var i = 0; i < chunks.Count; i++)
        {
            text.Clear();
            foreach (var term in chunks[i].Terms) text.Append('t').Append(termIds[term]).Append(' ');
            id.Value = i;
            doc.Value = chunks[i].DocId;
            body.Value = text.ToString();
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public int Search(SearchRequest request)
    {
        var terms = request.Terms.Where(t => _termIds.ContainsKey(t.Term)).Select(t => "t" + _termIds[t.Term]).ToList();
        if (terms.Count == 0) return 0;
        using var command = _connection.CreateCommand();
        var scope = "";
        if (request.DocIds is { Count: > 0 } docs)
        {
            scope = " AND doc IN (" + string.Join(",", docs.Select((_, i) => "$d" + i)) + ")";
            for (var i = 0; i < docs.Count; i++) command.Parameters.AddWithValue("$d" + i, docs[i]);
        }
        command.CommandText = $"SELECT rowid FROM chunks WHERE chunks MATCH $q{scope} ORDER BY rank LIMIT {request.Limit}";
        command.Parameters.AddWithValue("$q", string.Join(" OR ", terms));
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read()) n++;
        return n;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        try { File.Delete(_path); } catch (IOException) { }
    }
}
