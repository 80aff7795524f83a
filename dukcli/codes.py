"""The check codes of `duk check` (SPEC §5): one registry that check, `check --explain`, the
README and the tests all read.

Every diagnostic is made here, by `diagnostic()`, from a `Code` of the registry: a misspelt
code is an AttributeError or KeyError the moment it is named, and the severity is the
code's, never the caller's. Part of the functional core: data and one helper, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from dukcli import model as m

ERROR = "error"
WARNING = "warning"
SEVERITY_WORDS = {ERROR: "lỗi", WARNING: "cảnh báo"}


@dataclass(frozen=True, slots=True)
class Code:
    """One check code: what `duk check --explain` prints, in Vietnamese."""

    name: str
    severity: str  # ERROR | WARNING
    title: str  # one line
    explanation: str  # what it means, why duk refuses or warns
    fix: str  # how to fix it; lines indented by two spaces are examples, printed as they are
    # A warning of `check` that log-visit turns into a refusal of the new entry (SPEC §5).
    refused_on_entry: bool = False

    def __post_init__(self) -> None:
        if self.severity not in SEVERITY_WORDS:
            raise ValueError(f"{self.name}: severity {self.severity!r}")
        if self.refused_on_entry and self.severity != WARNING:
            raise ValueError(f"{self.name}: only a warning can be turned into a refusal")

    @property
    def word(self) -> str:
        """lỗi | cảnh báo"""
        return SEVERITY_WORDS[self.severity]

    def as_json(self) -> dict:
        return {"code": self.name, "severity": self.severity, "title": self.title,
                "explanation": self.explanation, "fix": self.fix}


YAML_SYNTAX = Code(
    "yaml-syntax", ERROR, "Tệp không đọc được như YAML",
    "Tệp sai cú pháp YAML (dấu hai chấm thừa, ngoặc chưa đóng, thụt lề bằng Tab, hai tài liệu trong "
    "một tệp, bí danh chưa được định nghĩa…), không phải mã UTF-8, hoặc không mở được (không có quyền "
    "đọc). duk không đoán nội dung của một tệp như vậy: cả tệp bị bỏ qua cho đến khi được sửa, nên "
    "những gì tệp ghi không được tính.",
    "Mở tệp ở dòng được báo và sửa cú pháp: thụt lề bằng dấu cách (không dùng Tab), đóng đủ ngoặc, "
    "đặt đoạn chữ có dấu hai chấm trong ngoặc kép. Ví dụ:\n"
    "  sai:  unit: cb-so-tai-chinh: chi bộ\n"
    "  đúng: unit: cb-so-tai-chinh\n"
    "  đúng: situation: \"Kết quả: đạt\"\n"
    "Tệp không phải mã UTF-8 thì lưu lại với mã UTF-8; tệp không mở được thì kiểm tra quyền đọc.")

SCHEMA = Code(
    "schema", ERROR, "Khóa hoặc giá trị không đúng quy định",
    "Tệp đọc được nhưng nội dung không đúng khuôn mẫu: thiếu khóa bắt buộc, có khóa lạ (thường là "
    "tên khóa gõ sai), giá trị sai kiểu (danh sách thay cho đoạn chữ, chữ thay cho số) hoặc ngoài các "
    "giá trị được nhận (type, role, rating, period), thẻ YAML hay khóa gộp '<<' không được phép, khóa "
    "lặp lại, tệp quá lớn. duk từ chối thay vì đoán, vì một khóa gõ sai sẽ làm mất dữ liệu mà không "
    "ai hay.",
    "Thông báo nêu khóa và các giá trị được nhận; sửa tên khóa hoặc giá trị cho đúng. Ví dụ:\n"
    "  sai:  situaton: Chi bộ hoạt động ổn định.\n"
    "  đúng: situation: Chi bộ hoạt động ổn định.\n"
    "  sai:  rating: xuat-sac\n"
    "  đúng: rating: tot        # tot, kha, trung-binh, kem")

BAD_ID = Code(
    "bad-id", ERROR, "Mã không hợp lệ",
    "Một mã (id của người hay đơn vị, và person, unit, parent, units khi nhắc tới chúng) chỉ gồm chữ "
    "thường không dấu, số và dấu gạch nối, tối đa 64 ký tự. Mã là thứ nối các tệp với nhau; mã có "
    "dấu, chữ hoa hay dấu cách dễ gõ sai và dễ bị hiểu khác nhau trên các máy.",
    "Viết lại mã theo quy tắc, và sửa mọi chỗ dùng mã đó. Ví dụ:\n"
    "  sai:  id: Le_Van_Cuong\n"
    "  đúng: id: le-van-cuong\n"
    "  sai:  units: [Sở Y tế]\n"
    "  đúng: units: [db-so-y-te]")

DUPLICATE_ID = Code(
    "duplicate-id", ERROR, "Mã bị trùng",
    "Hai đơn vị hoặc hai người có cùng một mã, hoặc báo cáo quý của cùng một người trong cùng một quý "
    "được ghi hai lần. duk không biết bản ghi nào đúng, nên mọi chỗ nhắc tới mã đó đều mơ hồ.",
    "Thông báo nêu chỗ mã đã được dùng trước (ví dụ 'đã dùng ở units.yaml:1'). Xóa bản ghi thừa, "
    "hoặc đổi mã của một trong hai và sửa các tệp dùng mã đó. Báo cáo quý ghi hai lần: giữ một tệp.")

UNKNOWN_PERSON = Code(
    "unknown-person", ERROR, "Không có người này trong people.yaml",
    "Một chuyến đi, phân công hoặc báo cáo đã nộp nhắc tới mã người không có trong people.yaml, "
    "thường do gõ sai mã hoặc chưa thêm người. Chuyến đi của một người không có trong danh sách "
    "thì không tính được cho ai.",
    "Sửa mã cho đúng với một 'id' có trong people.yaml, hoặc thêm người vào people.yaml, ví dụ:\n"
    "  - id: le-van-cuong\n"
    "    name: Lê Văn Cường")

UNKNOWN_UNIT = Code(
    "unknown-unit", ERROR, "Không có đơn vị này trong units.yaml",
    "Một chuyến đi, phân công, hoặc 'parent' của một chi bộ trực thuộc, nhắc tới mã đơn vị không có "
    "trong units.yaml, thường do gõ sai mã hoặc chưa thêm đơn vị.",
    "Sửa mã cho đúng với một 'id' có trong units.yaml, hoặc thêm đơn vị vào units.yaml, ví dụ:\n"
    "  - id: cb-so-xay-dung\n"
    "    name: Chi bộ Sở Xây dựng\n"
    "    type: chi-bo-co-so")

BAD_DATE = Code(
    "bad-date", ERROR, "Ngày không hợp lệ",
    "Một ngày không đọc được (không theo dạng YYYY-MM-DD hay DD/MM/YYYY) hoặc không có thật "
    "(31/02/2019); hoặc ngày nhận một báo cáo quý trước ngày đầu của quý đó.",
    "Viết một ngày có thật theo dạng YYYY-MM-DD (hoặc DD/MM/YYYY). Ví dụ:\n"
    "  sai:  date: 31/02/2019\n"
    "  đúng: date: 2019-02-28\n"
    "Báo cáo quý: xem lại period và date (báo cáo quý II năm 2019 chỉ nộp từ 01/04/2019).")

BAD_RANGE = Code(
    "bad-range", ERROR, "Ngày bắt đầu sau ngày kết thúc",
    "Một đơn vị hoặc phân công có 'from' sau 'to', nên không có ngày nào nó còn hiệu lực ('to' là "
    "ngày cuối cùng còn hiệu lực, tính cả ngày đó).",
    "Sửa một trong hai ngày cho đúng thứ tự. Ví dụ:\n"
    "  sai:  from: 2019-06-01\n"
    "        to: 2019-05-31\n"
    "  đúng: from: 2019-06-01\n"
    "        to: 2019-12-31")

BAD_PARENT = Code(
    "bad-parent", ERROR, "Cấp trên của chi bộ trực thuộc không đúng",
    "Chi bộ trực thuộc (type: chi-bo-truc-thuoc) phải có 'parent' là mã một đảng bộ cơ sở; đơn vị "
    "loại khác không có 'parent'. Chuyến đi tới chi bộ trực thuộc được tính cho đảng bộ cơ sở cấp "
    "trên, nên cấp trên sai thì số liệu Điều 4 sai.",
    "Ghi 'parent' là mã đảng bộ cơ sở, hoặc bỏ 'parent' ở đơn vị không phải chi bộ trực thuộc. Ví dụ:\n"
    "  - id: cb-phong-nghiep-vu-y\n"
    "    name: Chi bộ Phòng Nghiệp vụ Y\n"
    "    type: chi-bo-truc-thuoc\n"
    "    parent: db-so-y-te        # type: dang-bo-co-so")

ASSIGNMENT_OVERLAP = Code(
    "assignment-overlap", ERROR, "Phân công chồng lên nhau",
    "Một người giữ hai vai trò (theo-doi và phu-trach) cùng lúc, hoặc được phân công cùng một đơn vị "
    "hai lần trong những ngày trùng nhau. Chỉ tiêu Điều 4 tính theo phân công, nên phân công chồng "
    "chéo làm chỉ tiêu bị tính hai lần.",
    "Thông báo nêu phân công kia (ví dụ assignments.yaml:1). Kết thúc phân công cũ bằng 'to:' trước "
    "ngày phân công mới bắt đầu, hoặc bỏ đơn vị bị lặp khỏi một trong hai. Ví dụ:\n"
    "  - person: nguyen-thi-lan\n"
    "    role: theo-doi\n"
    "    units: [cb-so-tai-chinh]\n"
    "    from: 2019-01-01\n"
    "    to: 2019-06-30            # ngày cuối của phân công cũ")

UNIT_INACTIVE = Code(
    "unit-inactive", ERROR, "Đơn vị không tồn tại vào ngày đó",
    "Một chuyến đi vào ngày đơn vị chưa thành lập ('from' của đơn vị) hoặc đã kết thúc ('to'); hoặc "
    "một phân công bắt đầu trước khi đơn vị được thành lập, hay kéo dài sau khi đơn vị kết thúc "
    "(chẳng hạn sau một lần sáp nhập).",
    "Xem lại ngày của chuyến đi, và 'from'/'to' của đơn vị trong units.yaml. Với phân công, ghi 'to:' "
    "không muộn hơn ngày đơn vị kết thúc, ví dụ:\n"
    "  - person: nguyen-thi-lan\n"
    "    role: theo-doi\n"
    "    units: [cb-so-tai-chinh]\n"
    "    from: 2019-02-25\n"
    "    to: 2019-09-30            # đơn vị kết thúc ngày 30/09/2019")

FUTURE_DATE = Code(
    "future-date", ERROR, "Ngày ở tương lai",
    "Ngày của một chuyến đi hoặc ngày nhận một báo cáo ở sau hôm nay: việc đó chưa thể xảy ra, "
    "thường do gõ nhầm năm hay tháng.",
    "Sửa ngày cho đúng, ví dụ:\n"
    "  sai:  date: 2020-01-10\n"
    "  đúng: date: 2019-01-10\n"
    "Nếu ngày giờ của máy tính bị đặt sai, hãy sửa đồng hồ của máy.")

BAD_TEXT = Code(
    "bad-text", ERROR, "Đoạn chữ có ký tự điều khiển",
    "Một đoạn chữ chứa ký tự điều khiển (ngoài xuống dòng và Tab), thường do dán từ một phần mềm "
    "khác. Ký tự như vậy không nhìn thấy được nhưng có thể làm hỏng văn bản Word hay màn hình.",
    "Thông báo nêu mã ký tự (ví dụ U+0007) và chỗ của nó. Gõ lại đoạn chữ đó, hoặc dán lại dưới "
    "dạng chữ thuần (không định dạng).")

EMPTY_VISIT = Code(
    "empty-visit", ERROR, "Chuyến đi không có nội dung",
    "Tệp chuyến đi trống, hoặc không có phần nào. Mỗi chuyến đi phải có ít nhất một phần: 'work' (đi "
    "công tác cơ sở) hoặc 'meeting' (dự sinh hoạt chi bộ), để biết nó được ghi vào phần nào của báo "
    "cáo.",
    "Thêm một phần (nội dung có thể để trống, điền sau), hoặc xóa tệp trống. Ví dụ:\n"
    "  person: nguyen-thi-lan\n"
    "  unit: cb-so-tai-chinh\n"
    "  date: 2019-05-14\n"
    "  meeting: {}")

NOT_ASSIGNED = Code(
    "not-assigned", WARNING, "Chuyến đi không được tính cho phân công nào",
    "Vào ngày của chuyến đi, người này không được phân công đơn vị đó (hay đảng bộ cơ sở cấp trên của "
    "nó). Chuyến đi vẫn được ghi và vẫn có trong báo cáo cá nhân, nhưng không được tính vào chỉ tiêu "
    "Điều 4; vì vậy đây là cảnh báo, không phải lỗi.",
    "Nếu gõ nhầm người, đơn vị hay ngày, sửa tệp chuyến đi. Nếu người đó có được phân công, thêm "
    "hoặc sửa phân công trong assignments.yaml, ví dụ:\n"
    "  - person: nguyen-thi-lan\n"
    "    role: theo-doi\n"
    "    units: [cb-so-tai-chinh]\n"
    "    from: 2019-01-01")

DUPLICATE_VISIT = Code(
    "duplicate-visit", WARNING, "Hai chuyến đi trùng người, đơn vị và ngày",
    "Hai tệp ghi cùng một người, cùng một đơn vị (chi bộ trực thuộc tính vào đảng bộ cơ sở cấp trên) "
    "và cùng một ngày. Trong mọi con số chúng chỉ được tính là một chuyến, nên `duk check` chỉ cảnh "
    "báo. Riêng khi ghi chuyến mới, `duk log-visit` từ chối chuyến thứ hai như một lỗi (thoát mã 1, "
    "không ghi gì), để không tạo thêm bản trùng.",
    "Chép nội dung cần giữ của tệp thừa sang tệp kia, rồi xóa tệp thừa; trong một kho git:\n"
    "  git rm visits/2019/05/b.yaml\n"
    "  git commit -m \"Xóa chuyến đi trùng\"",
    refused_on_entry=True)

MISSING_FILE = Code(
    "missing-file", ERROR, "Thiếu tệp bắt buộc",
    "Thư mục dữ liệu thiếu một trong các tệp duk.yaml, units.yaml, people.yaml, assignments.yaml. "
    "Lỗi được báo một lần, ở dòng 0, thay vì một lỗi cho mỗi chỗ nhắc tới người hay đơn vị trong tệp "
    "đó.",
    "Tạo lại tệp (một danh sách trống là đủ), hoặc lấy lại từ git. Ví dụ:\n"
    "  units.yaml chỉ có một dòng: []\n"
    "  git checkout -- units.yaml")

MERGE_CONFLICT = Code(
    "merge-conflict", ERROR, "Tệp còn dấu xung đột của git",
    "Sau một lần gộp (merge) chưa xong, git để lại trong tệp các dòng <<<<<<<, =======, >>>>>>> cùng "
    "cả hai phiên bản nội dung. duk không đọc tệp cho đến khi xung đột được giải quyết, vì không biết "
    "phiên bản nào đúng. Lỗi được báo ở dòng của dấu đầu tiên.",
    "Mở tệp, giữ nội dung đúng, xóa các dòng dấu, rồi lưu vào git. Ví dụ:\n"
    "  git add people.yaml\n"
    "  git commit")

NOT_REGULAR = Code(
    "not-regular", ERROR, "Không phải tệp dữ liệu thông thường",
    "Ở chỗ của một tệp dữ liệu là một liên kết tượng trưng (symlink), FIFO, thiết bị hay thư mục, "
    "hoặc một liên kết dẫn ra ngoài thư mục dữ liệu. Để an toàn, duk không bao giờ mở hay đi theo nó.",
    "Thay bằng một tệp thật (chép nội dung vào, không dùng liên kết), hoặc xóa nó đi.")

STRAY_FILE = Code(
    "stray-file", WARNING, "Tệp duk không đọc",
    "Trong visits/, submissions/, feedback/ hoặc responses/ có một tệp duk không đọc: đuôi không phải "
    "'.yaml' chữ thường (*.YAML, *.yml, *.yaml.txt, *.bak), hoặc tệp tạm do một lệnh duk bị ngắt giữa "
    "chừng để lại. Nếu đó là dữ liệu thì nó không được tính.",
    "Nếu là dữ liệu, đổi tên cho đúng đuôi .yaml, ví dụ:\n"
    "  visits/2019/05/a.yml  →  visits/2019/05/a.yaml\n"
    "Nếu không, xóa nó đi (tệp tạm sẽ được lần ghi sau xóa).")

PLACEHOLDER = Code(
    "placeholder", WARNING, "duk.yaml vẫn còn '...' do duk init ghi sẵn",
    "duk init ghi sẵn '...' vào các trường của duk.yaml để người dùng điền. Các lệnh vẫn chạy, nhưng "
    "`duk report` và `duk summary` không in tiêu đề văn bản còn '...'.",
    "Điền nội dung thật vào duk.yaml, ví dụ:\n"
    "  organization:\n"
    "    parent: ĐẢNG BỘ TỈNH HÒA BÌNH\n"
    "    name: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")

UNKNOWN_ITEM = Code(
    "unknown-item", ERROR, "Bước xử lý nói tới một đề xuất không có",
    "Một tệp trong responses/ ghi 'item' không chỉ tới đề xuất nào: mã không đúng dạng "
    "NĂM/THÁNG/tên-tệp-chuyến-đi#trường, không có tệp chuyến đi đó trong visits/, hoặc trường đó "
    "của chuyến đi trống. Bước xử lý như vậy không gắn được vào đề xuất nào nên không được tính.",
    "Chép đúng mã đề xuất từ `duk proposals` (hoặc dùng mã ngắn 6 ký tự với `duk respond`). Ví dụ:\n"
    "  item: 2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh#meeting.proposals\n"
    "Trường là một trong work.proposals, meeting.requests, meeting.proposals.")

ALL = (YAML_SYNTAX, SCHEMA, BAD_ID, DUPLICATE_ID, UNKNOWN_PERSON, UNKNOWN_UNIT, BAD_DATE, BAD_RANGE,
       BAD_PARENT, ASSIGNMENT_OVERLAP, UNIT_INACTIVE, FUTURE_DATE, BAD_TEXT, EMPTY_VISIT, NOT_ASSIGNED,
       DUPLICATE_VISIT, MISSING_FILE, MERGE_CONFLICT, NOT_REGULAR, STRAY_FILE, PLACEHOLDER,
       UNKNOWN_ITEM)
CODES: dict[str, Code] = {c.name: c for c in ALL}
assert len(CODES) == len(ALL), "a code is registered twice"


class UnknownCode(KeyError):
    """A name that is not a check code."""


def get(name: str) -> Code:
    """The code named `name`; UnknownCode for any other name."""
    try:
        return CODES[name]
    except KeyError:
        raise UnknownCode(name) from None


def diagnostic(file: str, line: int, code: Code, message: str, *, refusal: bool = False) -> m.Diagnostic:
    """The one way a diagnostic is made: its severity is the code's. refusal=True makes an
    error of a code that allows it (duplicate-visit, for a new entry of log-visit)."""
    if not isinstance(code, Code):
        raise TypeError(f"a check code from dukcli.codes, not {code!r}")
    if refusal and not code.refused_on_entry:
        raise ValueError(f"{code.name} is never turned into a refusal")
    return m.Diagnostic(file, line, ERROR if refusal else code.severity, code.name, message)
