using System.CommandLine;

namespace KeHoach57.Cli.Commands;

public static class CommonOptions
{
    public static Option<string?> Scope() => new("--scope", "-s")
    {
        Description = "Chỉ trả lời từ một kế hoạch (mã trong corpus, ví dụ yen-hoa)",
    };

    public static Option<bool> Plain() => new("--plain")
    {
        Description = "In chữ trơn: không màu, không định dạng (cũng tắt màu khi có biến môi trường NO_COLOR)",
    };

    public static Option<string?> Backend() => new("--backend")
    {
        Description = "Chỉ mục: embedded (mặc định) hoặc qdrant",
    };
}
