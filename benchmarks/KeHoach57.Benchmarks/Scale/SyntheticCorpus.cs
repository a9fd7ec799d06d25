using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Benchmarks.Scale;

/// <summary>A question the generator can check: the fact it planted, and the plan it planted it in.</summary>
/// <param name="Expected">What a right answer line says (a date as d/m/yyyy, a unit's name, a percentage).</param>
/// <param name="Kind">"deadline", "lead-unit" or "figure": so accuracy can be read per shape.</param>
public sealed record PlantedQuestion(string Question, string? Scope, string Expected, string Kind, string PlanId);

/// <summary>
/// Recombines the repository's own plans (corpus/*.md) into any number of plans: each keeps a seed's
/// sections, headings and OCR noise (so the vocabulary and section shapes are the real corpus's), under
/// another place name, with its percentages redrawn, and gets one section of facts planted by the
/// generator: a task with a lead unit and a reporting deadline, and a target figure. The questions it
/// writes ask for those facts, so accuracy is measured at every size. Deterministic for a seed number.
/// </summary>
public sealed partial class SyntheticCorpus
{
    private static readonly string[] Syllables =
    [
        "An", "Bình", "Cát", "Đông", "Hòa", "Hưng", "Lạc", "Long", "Minh", "Phú", "Phước", "Quang", "Sơn", "Tân",
        "Thạnh", "Thuận", "Tiến", "Trung", "Vĩnh", "Xuân", "Hải", "Hà", "Kim", "Lâm", "Mỹ", "Nam", "Ninh", "Thái",
        "Thanh", "Đức", "Gia", "Hiệp", "Khánh", "Lợi", "Nghĩa", "Phong", "Quý", "Tường", "Văn", "Vân",
    ];

    private static readonly string[] Projects =
    [
        "nền tảng học tập số cho học sinh", "bản đồ số nông sản chủ lực", "hệ thống camera giám sát giao thông",
        "kho dữ liệu dân cư dùng chung", "mạng wifi công cộng tại trung tâm", "sàn thương mại điện tử nông sản",
        "trung tâm điều hành đô thị thông minh", "sổ sức khỏe điện tử cho người dân", "hệ thống cảnh báo lũ sớm",
        "phần mềm quản lý văn bản liên thông", "chợ số cho hộ kinh doanh", "thư viện số cộng đồng",
        "hệ thống truy xuất nguồn gốc nông sản", "cổng thông tin du lịch thông minh", "bệnh án điện tử tại trạm y tế",
        "hạ tầng cáp quang đến thôn bản",
    ];

    private static readonly string[] Metrics =
    [
        "hộ gia đình có kết nối cáp quang", "người dân có tài khoản định danh điện tử", "hồ sơ được số hóa",
        "doanh nghiệp sử dụng hóa đơn điện tử", "người dân có chữ ký số", "trường học có kết nối internet tốc độ cao",
        "giao dịch thanh toán không dùng tiền mặt", "thủ tục hành chính giải quyết trực tuyến",
    ];

    private static readonly string[] Units =
    [
        "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công",
        "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Sở Công Thương", "Sở Y tế", "Sở Xây dựng",
    ];

    private static readonly string[] Levels = ["xã", "phường", "thị trấn"];

    private static readonly string[] OpenQuestions =
    [
        "Tỷ lệ dịch vụ công trực tuyến toàn trình phải đạt bao nhiêu?", "Ai chịu trách nhiệm tổng hợp, báo cáo kết quả thực hiện?",
        "Kinh phí thực hiện kế hoạch lấy từ nguồn nào?", "Tổ công nghệ số cộng đồng có nhiệm vụ gì?",
        "han bao cao 6 thang la ngay nao", "Kế hoạch đặt chỉ tiêu gì về hạ tầng số và cáp quang?",
    ];

    private readonly List<Seed> _seeds;

    public SyntheticCorpus(string seedFolder)
    {
        _seeds = Directory.GetFiles(seedFolder, "*.md").Order(StringComparer.Ordinal).Select(Seed.Read).ToList();
        if (_seeds.Count == 0) throw new InvalidOperationException($"No seed plans (*.md) in {seedFolder}.");
    }

    public IReadOnlyList<string> SeedIds => _seeds.Select(s => s.Id).ToList();

    /// <summary>
    /// Writes plans into <paramref name="folder"/> until their seeds' chunk counts (<paramref name="seedChunks"/>, by seed id)
    /// add up to <paramref name="chunks"/>,
    /// and returns up to <paramref name="maxQuestions"/> questions about the facts planted, spread over the plans.
    /// </summary>
    public IReadOnlyList<PlantedQuestion> Write(string folder, int chunks, IReadOnlyDictionary<string, int> seedChunks, int maxQuestions, int seed = 57)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var questions = new List<PlantedQuestion>();
        var names = PlaceNames(random).GetEnumerator();
        var total = 0;
        var plans = new List<(string Id, Planted Facts)>();
        for (var i = 0; total < chunks; i++)
        {
            var source = _seeds[i % _seeds.Count];
            names.MoveNext();
            var (level, name) = names.Current;
            if (source.IsProvince) level = "tỉnh";
            var id = $"syn-{i + 1:D5}";
            var facts = Planted.Draw(random, level, name);
            File.WriteAllText(Path.Combine(folder, id + ".md"), source.Rewrite(id, level, name, facts, random), new UTF8Encoding(false));
            plans.Add((id, facts));
            total += seedChunks.GetValueOrDefault(source.Id, 60) + 2;
        }
        // Questions spread evenly over the plans, four shapes in turn; the fourth asks across all plans (as the load
        // test's unscoped half does), so it has no one right answer and counts for speed only.
        var step = Math.Max(1, plans.Count * 4 / Math.Max(1, maxQuestions));
        for (var q = 0; questions.Count < maxQuestions && q / 4 * step < plans.Count; q++)
        {
            var (id, facts) = plans[q / 4 * step];
            questions.Add((q % 4) switch
            {
                0 => new PlantedQuestion($"Hạn báo cáo kết quả triển khai {facts.Project} là ngày nào?", id, facts.DeadlineText, "deadline", id),
                1 => new PlantedQuestion($"Đơn vị nào chủ trì triển khai {facts.Project}?", id, facts.Unit, "lead-unit", id),
                2 => new PlantedQuestion($"Tỷ lệ {facts.Metric} của {facts.Level} {facts.Place} đến năm {facts.TargetYear} đạt bao nhiêu?", null, $"{facts.Percent}%", "figure", id),
                _ => new PlantedQuestion(OpenQuestions[q / 4 % OpenQuestions.Length], null, "", "open", id),
            });
        }
        return questions;
    }

    /// <summary>Distinct place names: two syllables, then three once the pairs run out, under one of the levels.</summary>
    private static IEnumerable<(string Level, string Name)> PlaceNames(Random random)
    {
        var pairs = (from a in Syllables from b in Syllables where a != b select a + " " + b).ToList();
        Shuffle(pairs, random);
        var round = 0;
        while (true)
        {
            foreach (var pair in pairs)
                yield return (Levels[(pair.Length + round) % Levels.Length], round == 0 ? pair : pair + " " + Syllables[round % Syllables.Length]);
            round++;
        }
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>What one plan was given: a task with its lead unit and reporting deadline, and a target figure.</summary>
    private sealed record Planted(string Level, string Place, string Project, string Unit, DateOnly Deadline, string Metric, int TargetYear, int Percent)
    {
        public string DeadlineText => Deadline.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

        public static Planted Draw(Random random, string level, string place) => new(
            level, place,
            Projects[random.Next(Projects.Length)],
            Units[random.Next(Units.Length)],
            new DateOnly(2026, 1, 1).AddDays(random.Next(0, 700)),
            Metrics[random.Next(Metrics.Length)],
            2026 + random.Next(0, 5),
            random.Next(12, 99));

        public string Section(string heading) => $"""
            ## {heading}. Nhiệm vụ trọng tâm được giao bổ sung {"{#nhiem-vu-bo-sung}"}

            - Giao {Unit} chủ trì triển khai {Project}; báo cáo kết quả về Ủy ban nhân dân {Level} {Place} trước ngày {DeadlineText}.
            - Phấn đấu đến năm {TargetYear}, tỷ lệ {Metric} trên địa bàn {Level} {Place} đạt {Percent}%.

            """;
    }

    /// <summary>One seed plan: its front matter fields, body and locality name (as written and folded).</summary>
    private sealed partial class Seed
    {
        public required string Id { get; init; }
        public required string FrontMatter { get; init; }
        public required string Body { get; init; }
        public required string Locality { get; init; }
        public bool IsProvince => VietnameseText.Fold(Locality).StartsWith("tinh ", StringComparison.Ordinal);

        public static Seed Read(string path)
        {
            var text = File.ReadAllText(path);
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var front = text[..end];
            var locality = Regex.Match(front, "^locality: \"([^\"]*)\"", RegexOptions.Multiline).Groups[1].Value;
            return new Seed
            {
                Id = Path.GetFileNameWithoutExtension(path),
                FrontMatter = front,
                Body = text[(end + 4)..],
                Locality = locality.Split(',')[0].Trim(),
            };
        }

        public string Rewrite(string id, string level, string place, Planted facts, Random random)
        {
            var front = FrontMatter;
            front = Regex.Replace(front, "^id: \"[^\"]*\"", $"id: \"{id}\"", RegexOptions.Multiline);
            front = Regex.Replace(front, "^locality: \"[^\"]*\"", $"locality: \"{level} {place}\"", RegexOptions.Multiline);
            front = Regex.Replace(front, "^level: \"[^\"]*\"", $"level: \"{(level == "tỉnh" ? "tỉnh" : "xã")}\"", RegexOptions.Multiline);
            front = Regex.Replace(front, "^source: \"[^\"]*\"", $"source: \"{id}.txt\"", RegexOptions.Multiline);
            var body = Body;
            var name = LocalityName();
            if (name.Length > 0)
            {
                // The seed's place, as written and as OCR left it without diacritics, becomes the new one.
                front = ReplaceName(front, name, place);
                body = ReplaceName(body, name, place);
                body = ReplaceName(body, VietnameseText.Fold(name), place);
            }
            body = Percent().Replace(body, _ => random.Next(5, 100).ToString(CultureInfo.InvariantCulture) + "%");
            return front + "\n---" + body.TrimEnd() + "\n\n" + facts.Section("Bổ sung");
        }

        private string LocalityName()
        {
            var words = Locality.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && VietnameseText.Fold(words[0]) is "xa" or "tinh" or "phuong" or "thi" or "tran") words.RemoveAt(0);
            return string.Join(' ', words);
        }

        private static string ReplaceName(string text, string name, string place) =>
            Regex.Replace(text, Regex.Escape(name), place, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        [GeneratedRegex(@"(?<![\d,.])\d{1,2}(?:[,.]\d)?%")]
        private static partial Regex Percent();
    }
}
