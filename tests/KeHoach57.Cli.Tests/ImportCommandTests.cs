using System.Diagnostics;
using System.Text;
using KeHoach57.Core;

namespace KeHoach57.Cli.Tests;

/// <summary>`import FILE…` as a script runs it: no terminal, so no question asked; refusals on stderr and exit code 1.</summary>
public class ImportCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("kh57-cli-import-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "KeHoach57.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Corpus__Path"] = Path.Combine(temp, "corpus");
        start.WorkingDirectory = RepositoryPaths.FindRoot()!;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Nhập_thư_mục_ghi_kế_hoạch_hợp_lệ_và_báo_tệp_hỏng()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(temp, "inbox")).FullName;
        var raw = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.FindRoot()!, "corpus", "raw", "hung-yen.txt"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "KH-44.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(raw)], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "trong.pdf"), [], TestContext.Current.CancellationToken);

        var (code, output, errors) = await RunAsync("import", inbox);

        Assert.Equal(1, code);
        Assert.Contains("Số ký hiệu (--number)        44/KH-UBND", output);
        Assert.Contains("Đã nhập 1 văn bản", output);
        Assert.Contains("Không nhập trong.pdf: Tệp \"trong.pdf\" rỗng (0 byte)", errors);
        Assert.True(File.Exists(Path.Combine(temp, "corpus", "hung-yen.md")));
        Assert.True(File.Exists(Path.Combine(temp, "corpus", "raw", "manifest.tsv")));
    }

    [Fact]
    public async Task Sửa_siêu_dữ_liệu_bằng_tham_số_và_chạy_thử_không_ghi_gì()
    {
        var file = Path.Combine(temp, "ke-hoach.txt");
        File.Copy(Path.Combine(RepositoryPaths.FindRoot()!, "corpus", "raw", "hung-yen.txt"), file);

        var (code, output, _) = await RunAsync("import", file, "--dry-run", "--id", "pho-hien", "--issuer", "Ủy ban nhân dân tỉnh Hưng Yên", "--date", "2025-03-03");

        Assert.Equal(0, code);
        Assert.Contains("Mã (--id)                    pho-hien", output);
        Assert.Contains("Cơ quan ban hành (--issuer)  Ủy ban nhân dân tỉnh Hưng Yên", output);
        Assert.False(Directory.Exists(Path.Combine(temp, "corpus")));
    }
}
