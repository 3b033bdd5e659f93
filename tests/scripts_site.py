"""Small manuals in scripts beyond Latin, Cyrillic, Hebrew, Arabic and Japanese: Chinese
(Simplified and Traditional), Korean, Thai, Hindi, Tamil, Greek, Vietnamese, Georgian,
Amharic, Bengali, Lao, Khmer, Myanmar, Armenian, and an English manual that mixes in Thai,
Hindi and Chinese words.

Each language's site has the same five pages: an introduction with a link and a long
paragraph, a chapter (a section) with steps beside a screenshot, an alert and a code block,
a page with a table and a quotation, and a settings page. The words are written for these
tests; each language gives the same phrases, so one template makes every site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .conftest import png_bytes, write_site


@dataclass(frozen=True)
class Words:
    name: str  # the language's name, as a Hugo config gives it
    locale: str  # languageCode
    manual: str  # the manual's title
    start: str  # chapter "Getting started"
    settings: str  # chapter "Settings"
    login: str  # page "Sign in"
    upload: str  # page "Upload a file"
    intro: str  # "This manual describes **Dataloom** 2.1. See {link}." ({link}: a Markdown link)
    open_page: str  # step 1
    click: str  # step 2, with the button's name in straight double quotes
    field: str
    meaning: str
    rows: tuple[tuple[str, str], ...]
    alert: str
    long: str  # one paragraph of a few sentences


WORDS = {
    "zh-hans": Words(
        "简体中文", "zh-Hans", "用户手册", "入门", "设置", "登录", "上传文件",
        "本手册介绍 **Dataloom** 2.1 版的使用方法。请参阅{link}。",
        "打开首页，输入您的电子邮件地址。", '点击"登录"。', "字段", "说明",
        (("用户名", "您的登录名称。"), ("密码", "至少十二个字符。")),
        "请妥善保管您的密码，不要告诉任何人。",
        "上传文件之前，系统会检查文件的格式、大小和编码。如果检查失败，页面上会显示错误信息，"
        "并说明需要修改的地方。修改后，您可以再次上传，系统会保留之前的记录。"),
    "zh-hant": Words(
        "繁體中文", "zh-Hant", "使用手冊", "入門", "設定", "登入", "上傳檔案",
        "本手冊說明 **Dataloom** 2.1 版的使用方式。請參閱{link}。",
        "開啟首頁，輸入您的電子郵件地址。", '點選"登入"。', "欄位", "說明",
        (("使用者名稱", "您的登入名稱。"), ("密碼", "至少十二個字元。")),
        "請妥善保管您的密碼，切勿告訴他人。",
        "上傳檔案之前，系統會檢查檔案的格式、大小與編碼。如果檢查失敗，頁面上會顯示錯誤訊息，"
        "並說明需要修改的地方。修改之後，您可以再次上傳，系統會保留先前的紀錄。"),
    "ko": Words(
        "한국어", "ko-KR", "사용자 설명서", "시작하기", "설정", "로그인", "파일 업로드",
        "이 설명서는 **Dataloom** 2.1 버전의 사용법을 설명합니다. {link}을 참조하십시오.",
        "시작 페이지를 열고 이메일 주소를 입력하십시오.", '"로그인"을 클릭하십시오.', "항목", "설명",
        (("사용자 이름", "로그인할 때 쓰는 이름입니다."), ("비밀번호", "열두 자 이상이어야 합니다.")),
        "비밀번호를 안전하게 보관하고 다른 사람에게 알려 주지 마십시오.",
        "파일을 업로드하기 전에 시스템은 파일의 형식, 크기와 인코딩을 검사합니다. 검사에 실패하면 "
        "화면에 오류 메시지가 표시되고 고쳐야 할 부분이 안내됩니다. 파일을 고친 뒤 다시 업로드할 수 "
        "있으며 이전 기록은 그대로 남습니다."),
    "th": Words(
        "ไทย", "th-TH", "คู่มือผู้ใช้", "เริ่มต้นใช้งาน", "การตั้งค่า", "เข้าสู่ระบบ", "อัปโหลดไฟล์",
        "คู่มือนี้อธิบายการใช้งาน **Dataloom** รุ่น 2.1 โปรดดู{link}",
        "เปิดหน้าแรกแล้วกรอกที่อยู่อีเมลของคุณ", 'คลิก "เข้าสู่ระบบ"', "ช่อง", "ความหมาย",
        (("ชื่อผู้ใช้", "ชื่อที่ใช้เข้าสู่ระบบ"), ("รหัสผ่าน", "อย่างน้อยสิบสองตัวอักษร")),
        "โปรดเก็บรหัสผ่านของคุณไว้เป็นความลับ",
        "ก่อนอัปโหลดไฟล์ ระบบจะตรวจสอบรูปแบบ ขนาด และการเข้ารหัสของไฟล์ "
        "หากการตรวจสอบไม่ผ่านหน้าจอจะแสดงข้อความแจ้งข้อผิดพลาดและบอกว่าต้องแก้ไขส่วนใด "
        "เมื่อแก้ไขแล้วคุณสามารถอัปโหลดอีกครั้งได้และระบบจะเก็บประวัติเดิมไว้"),
    "hi": Words(
        "हिन्दी", "hi-IN", "उपयोगकर्ता पुस्तिका", "शुरुआत", "सेटिंग्स", "साइन इन", "फ़ाइल अपलोड करें",
        "यह पुस्तिका **Dataloom** के संस्करण 2.1 का उपयोग समझाती है। {link} देखें।",
        "मुख्य पृष्ठ खोलें और अपना ईमेल पता दर्ज करें।", '"साइन इन" पर क्लिक करें।', "फ़ील्ड", "अर्थ",
        (("उपयोगकर्ता नाम", "लॉग इन करने का नाम।"), ("पासवर्ड", "कम से कम बारह अक्षर।")),
        "अपना पासवर्ड सुरक्षित रखें और किसी को न बताएँ।",
        "फ़ाइल अपलोड करने से पहले सिस्टम उसके प्रारूप, आकार और एन्कोडिंग की जाँच करता है। यदि जाँच "
        "विफल होती है, तो स्क्रीन पर त्रुटि संदेश दिखाई देता है और बताया जाता है कि क्या बदलना है। "
        "सुधार के बाद आप फ़ाइल फिर से अपलोड कर सकते हैं, और पुराना रिकॉर्ड सुरक्षित रहता है।"),
    "ta": Words(
        "தமிழ்", "ta-IN", "பயனர் கையேடு", "தொடங்குதல்", "அமைப்புகள்", "உள்நுழைவு",
        "கோப்பைப் பதிவேற்றுதல்",
        "இந்தக் கையேடு **Dataloom** பதிப்பு 2.1 ஐப் பயன்படுத்தும் முறையை விளக்குகிறது. {link} பார்க்கவும்.",
        "முதன்மைப் பக்கத்தைத் திறந்து உங்கள் மின்னஞ்சல் முகவரியை உள்ளிடவும்.",
        '"உள்நுழை" என்பதைக் கிளிக் செய்யவும்.', "புலம்", "பொருள்",
        (("பயனர் பெயர்", "உள்நுழையப் பயன்படும் பெயர்."), ("கடவுச்சொல்", "குறைந்தது பன்னிரண்டு எழுத்துகள்.")),
        "உங்கள் கடவுச்சொல்லை யாரிடமும் சொல்ல வேண்டாம்.",
        "கோப்பைப் பதிவேற்றுவதற்கு முன் அமைப்பு அதன் வடிவம், அளவு மற்றும் குறியாக்கத்தைச் "
        "சரிபார்க்கிறது. சரிபார்ப்பு தோல்வியுற்றால், திரையில் பிழைச் செய்தி தோன்றி எதைத் திருத்த "
        "வேண்டும் என்று சொல்லும். திருத்திய பின் மீண்டும் பதிவேற்றலாம்; பழைய பதிவுகள் அப்படியே இருக்கும்."),
    "el": Words(
        "Ελληνικά", "el-GR", "Εγχειρίδιο χρήστη", "Πρώτα βήματα", "Ρυθμίσεις", "Σύνδεση",
        "Μεταφόρτωση αρχείου",
        "Αυτό το εγχειρίδιο περιγράφει την έκδοση 2.1 του **Dataloom**. Δείτε τις {link}.",
        "Ανοίξτε την αρχική σελίδα και εισαγάγετε τη διεύθυνση ηλεκτρονικού ταχυδρομείου σας.",
        'Πατήστε "Σύνδεση".', "Πεδίο", "Σημασία",
        (("Όνομα χρήστη", "Το όνομα σύνδεσής σας."), ("Κωδικός πρόσβασης", "Τουλάχιστον δώδεκα χαρακτήρες.")),
        "Φυλάξτε τον κωδικό σας και μην τον αποκαλύψετε σε κανέναν.",
        "Πριν από τη μεταφόρτωση, το σύστημα ελέγχει τη μορφή, το μέγεθος και την κωδικοποίηση του "
        "αρχείου. Αν ο έλεγχος αποτύχει, εμφανίζεται μήνυμα σφάλματος που εξηγεί τι πρέπει να "
        "διορθωθεί. Μετά τη διόρθωση μπορείτε να μεταφορτώσετε ξανά το αρχείο, και το σύστημα "
        "κρατά το προηγούμενο ιστορικό."),
    "vi": Words(
        "Tiếng Việt", "vi-VN", "Hướng dẫn sử dụng", "Bắt đầu", "Cài đặt", "Đăng nhập", "Tải tệp lên",
        "Tài liệu này mô tả cách sử dụng **Dataloom** phiên bản 2.1. Xem {link}.",
        "Mở trang chủ và nhập địa chỉ email của bạn.", 'Nhấp vào "Đăng nhập".', "Trường", "Ý nghĩa",
        (("Tên người dùng", "Tên dùng để đăng nhập."), ("Mật khẩu", "Ít nhất mười hai ký tự.")),
        "Hãy giữ bí mật mật khẩu của bạn.",
        "Trước khi tải tệp lên, hệ thống kiểm tra định dạng, kích thước và bảng mã của tệp. Nếu "
        "kiểm tra thất bại, màn hình sẽ hiển thị thông báo lỗi và cho biết cần sửa phần nào. Sau "
        "khi sửa, bạn có thể tải tệp lên lại và hệ thống vẫn giữ lịch sử trước đó."),
    "ka": Words(
        "ქართული", "ka-GE", "მომხმარებლის სახელმძღვანელო", "დაწყება", "პარამეტრები", "შესვლა",
        "ფაილის ატვირთვა",
        "ეს სახელმძღვანელო აღწერს **Dataloom**-ის 2.1 ვერსიას. იხილეთ {link}.",
        "გახსენით მთავარი გვერდი და შეიყვანეთ თქვენი ელფოსტის მისამართი.", 'დააჭირეთ "შესვლა".',
        "ველი", "მნიშვნელობა",
        (("მომხმარებლის სახელი", "შესვლისთვის გამოყენებული სახელი."), ("პაროლი", "მინიმუმ თორმეტი სიმბოლო.")),
        "შეინახეთ თქვენი პაროლი საიდუმლოდ.",
        "ფაილის ატვირთვამდე სისტემა ამოწმებს მის ფორმატს, ზომასა და კოდირებას. თუ შემოწმება ვერ "
        "მოხერხდა, ეკრანზე გამოჩნდება შეცდომის შეტყობინება, რომელიც გეტყვით, რა უნდა შეასწოროთ. "
        "შესწორების შემდეგ შეგიძლიათ ფაილი ხელახლა ატვირთოთ, ხოლო წინა ისტორია შენარჩუნდება."),
    "am": Words(
        "አማርኛ", "am-ET", "የተጠቃሚ መመሪያ", "መጀመሪያ", "ቅንብሮች", "መግቢያ", "ፋይል መስቀል",
        "ይህ መመሪያ የ **Dataloom** ስሪት 2.1 አጠቃቀምን ያብራራል። {link}ን ይመልከቱ።",
        "የመነሻ ገጹን ይክፈቱ እና የኢሜል አድራሻዎን ያስገቡ።", '"ግባ" የሚለውን ይጫኑ።', "መስክ", "ትርጉም",
        (("የተጠቃሚ ስም", "ለመግባት የሚጠቀሙበት ስም።"), ("የይለፍ ቃል", "ቢያንስ አሥራ ሁለት ፊደላት።")),
        "የይለፍ ቃልዎን በሚስጥር ይያዙ።",
        "ፋይሉን ከመስቀልዎ በፊት ስርዓቱ ቅርጸቱን፣ መጠኑን እና ኢንኮዲንጉን ይፈትሻል። ፍተሻው ካልተሳካ በማያ "
        "ገጹ ላይ የስህተት መልእክት ይታያል፤ ምን መስተካከል እንዳለበትም ይገልጻል። ካስተካከሉ በኋላ ፋይሉን "
        "እንደገና መስቀል ይችላሉ፤ የቀድሞው ታሪክም ይቀመጣል።"),
    "bn": Words(
        "বাংলা", "bn-BD", "ব্যবহারকারী নির্দেশিকা", "শুরু করা", "সেটিংস", "সাইন ইন", "ফাইল আপলোড",
        "এই নির্দেশিকা **Dataloom** সংস্করণ 2.1 এর ব্যবহার ব্যাখ্যা করে। {link} দেখুন।",
        "প্রধান পৃষ্ঠা খুলুন এবং আপনার ইমেল ঠিকানা লিখুন।", '"সাইন ইন" এ ক্লিক করুন।', "ক্ষেত্র", "অর্থ",
        (("ব্যবহারকারীর নাম", "লগ ইন করার নাম।"), ("পাসওয়ার্ড", "কমপক্ষে বারোটি অক্ষর।")),
        "আপনার পাসওয়ার্ড গোপন রাখুন এবং কাউকে বলবেন না।",
        "ফাইল আপলোড করার আগে সিস্টেম এর বিন্যাস, আকার এবং এনকোডিং পরীক্ষা করে। পরীক্ষা ব্যর্থ হলে "
        "পর্দায় একটি ত্রুটি বার্তা দেখা যায় এবং কী পরিবর্তন করতে হবে তা বলা হয়। সংশোধনের পরে আপনি "
        "আবার ফাইলটি আপলোড করতে পারেন, এবং পুরনো রেকর্ড সংরক্ষিত থাকে।"),
    # Lao, Khmer and Myanmar write phrases without spaces between their words.
    "lo": Words(
        "ລາວ", "lo-LA", "ຄູ່ມືຜູ້ໃຊ້", "ເລີ່ມຕົ້ນ", "ການຕັ້ງຄ່າ", "ເຂົ້າສູ່ລະບົບ", "ອັບໂຫຼດໄຟລ໌",
        "ຄູ່ມືນີ້ອະທິບາຍການນຳໃຊ້ **Dataloom** ລຸ້ນ 2.1 ກະລຸນາເບິ່ງ{link}",
        "ເປີດໜ້າທຳອິດແລ້ວປ້ອນທີ່ຢູ່ອີເມວຂອງທ່ານ", 'ຄລິກ "ເຂົ້າສູ່ລະບົບ"', "ຊ່ອງ", "ຄວາມໝາຍ",
        (("ຊື່ຜູ້ໃຊ້", "ຊື່ທີ່ໃຊ້ເຂົ້າສູ່ລະບົບ"), ("ລະຫັດຜ່ານ", "ຢ່າງໜ້ອຍສິບສອງຕົວອັກສອນ")),
        "ກະລຸນາເກັບລະຫັດຜ່ານຂອງທ່ານໄວ້ເປັນຄວາມລັບ",
        "ກ່ອນອັບໂຫຼດໄຟລ໌ ລະບົບຈະກວດສອບຮູບແບບ ຂະໜາດ ແລະການເຂົ້າລະຫັດຂອງໄຟລ໌ "
        "ຖ້າການກວດສອບບໍ່ຜ່ານໜ້າຈໍຈະສະແດງຂໍ້ຄວາມແຈ້ງຂໍ້ຜິດພາດແລະບອກວ່າຕ້ອງແກ້ໄຂສ່ວນໃດ "
        "ເມື່ອແກ້ໄຂແລ້ວທ່ານສາມາດອັບໂຫຼດອີກຄັ້ງໄດ້ແລະລະບົບຈະເກັບປະຫວັດເດີມໄວ້"),
    "km": Words(
        "ខ្មែរ", "km-KH", "សៀវភៅណែនាំអ្នកប្រើ", "ការចាប់ផ្តើម", "ការកំណត់", "ចូលគណនី", "ផ្ទុកឯកសារឡើង",
        "សៀវភៅនេះពិពណ៌នាអំពីការប្រើប្រាស់ **Dataloom** កំណែ 2.1។ សូមមើល{link}។",
        "បើកទំព័រដើម ហើយបញ្ចូលអាសយដ្ឋានអ៊ីមែលរបស់អ្នក។", 'ចុច "ចូលគណនី"។', "វាល", "អត្ថន័យ",
        (("ឈ្មោះអ្នកប្រើ", "ឈ្មោះសម្រាប់ចូលគណនី។"), ("ពាក្យសម្ងាត់", "យ៉ាងហោចណាស់ដប់ពីរតួអក្សរ។")),
        "សូមរក្សាពាក្យសម្ងាត់របស់អ្នកជាការសម្ងាត់។",
        "មុនពេលផ្ទុកឯកសារឡើង ប្រព័ន្ធនឹងពិនិត្យទម្រង់ ទំហំ និងការអ៊ិនកូដរបស់ឯកសារ។ "
        "ប្រសិនបើការពិនិត្យបរាជ័យ អេក្រង់នឹងបង្ហាញសារកំហុសហើយប្រាប់ថាត្រូវកែផ្នែកណា។ "
        "បន្ទាប់ពីកែរួច អ្នកអាចផ្ទុកឡើងម្តងទៀតបាន ហើយប្រព័ន្ធនឹងរក្សាប្រវត្តិចាស់ទុក។"),
    "my": Words(
        "မြန်မာ", "my-MM", "အသုံးပြုသူလမ်းညွှန်", "စတင်ခြင်း", "ဆက်တင်များ", "ဝင်ရောက်ရန်", "ဖိုင်တင်ခြင်း",
        "ဤလမ်းညွှန်သည် **Dataloom** ဗားရှင်း 2.1 ကို အသုံးပြုပုံကို ရှင်းပြသည်။ {link}ကို ကြည့်ပါ။",
        "ပင်မစာမျက်နှာကိုဖွင့်ပြီး သင့်အီးမေးလ်လိပ်စာကို ထည့်ပါ။", '"ဝင်ရောက်ရန်" ကို နှိပ်ပါ။', "အကွက်",
        "အဓိပ္ပာယ်",
        (("အသုံးပြုသူအမည်", "ဝင်ရောက်ရန်အသုံးပြုသောအမည်။"), ("စကားဝှက်", "အနည်းဆုံးစာလုံးဆယ့်နှစ်လုံး။")),
        "သင့်စကားဝှက်ကို လျှို့ဝှက်ထားပါ။",
        "ဖိုင်ကိုမတင်မီ စနစ်သည် ဖိုင်၏ပုံစံ၊ အရွယ်အစားနှင့် ကုဒ်ပြောင်းခြင်းကို စစ်ဆေးသည်။ "
        "စစ်ဆေးမှုမအောင်မြင်ပါက မျက်နှာပြင်ပေါ်တွင် အမှားသတင်းစကားပေါ်လာပြီး ပြင်ရမည့်အပိုင်းကို ပြောပြသည်။ "
        "ပြင်ပြီးနောက် ဖိုင်ကို ထပ်မံတင်နိုင်ပြီး ယခင်မှတ်တမ်းကို စနစ်က ဆက်ထိန်းထားသည်။"),
    "hy": Words(
        "Հայերեն", "hy-AM", "Օգտագործողի ձեռնարկ", "Սկիզբ", "Կարգավորումներ", "Մուտք", "Ֆայլի վերբեռնում",
        "Այս ձեռնարկը նկարագրում է **Dataloom** 2.1 տարբերակը։ Տե՛ս {link}։",
        "Բացեք գլխավոր էջը և մուտքագրեք ձեր էլ. փոստի հասցեն։", 'Սեղմեք "Մուտք"։', "Դաշտ", "Իմաստ",
        (("Օգտանուն", "Մուտքի համար օգտագործվող անունը։"), ("Գաղտնաբառ", "Առնվազն տասներկու նիշ։")),
        "Պահեք ձեր գաղտնաբառը գաղտնի։",
        "Վերբեռնելուց առաջ համակարգը ստուգում է ֆայլի ձևաչափը, չափը և կոդավորումը։ Եթե ստուգումը "
        "ձախողվի, էկրանին կհայտնվի սխալի հաղորդագրություն, որը կբացատրի, թե ինչ պետք է ուղղել։ "
        "Ուղղելուց հետո կարող եք ֆայլը կրկին վերբեռնել, և համակարգը կպահի նախորդ պատմությունը։"),
    # An English manual that names things in other scripts, as a localisation guide does.
    "en": Words(
        "English", "en-US", "Localisation guide", "Getting started", "Settings", "Sign in",
        "Upload a file",
        "This guide describes **Dataloom** 2.1 in Thai (ภาษาไทย), Hindi (हिन्दी) and Chinese "
        "(中文). See {link}.",
        "Open the start page (หน้าแรก, मुख्य पृष्ठ, 首页) and enter your e-mail address.",
        'Click "Sign in" (เข้าสู่ระบบ / साइन इन / 登录).', "Term", "Translations",
        (("Password", "รหัสผ่าน · पासवर्ड · 密码"), ("User name", "ชื่อผู้ใช้ · उपयोगकर्ता नाम · 用户名")),
        "Keep the Thai text free of spaces inside a phrase: ระบบจะเก็บประวัติเดิมไว้ is one phrase.",
        "Before a file is uploaded, the system checks its format, its size and its encoding. "
        "The Thai message reads หากการตรวจสอบไม่ผ่านหน้าจอจะแสดงข้อความแจ้งข้อผิดพลาด, the Hindi "
        "one त्रुटि संदेश दिखाई देता है, and the Chinese one 页面上会显示错误信息. After a "
        "correction the file can be uploaded again and the earlier history is kept."),
}

CODE = "curl -H 'Authorization: Bearer $TOKEN' https://example.org/api/v2/upload"

HUGO = """\
baseURL = "https://example.org/docs/"
title = "Dataloom"
defaultContentLanguage = "{key}"
defaultContentLanguageInSubdir = true
[params]
version = "2.1"
[markup.goldmark.renderer]
unsafe = true
[languages.{key}]
languageName = "{name}"
languageCode = "{locale}"
contentDir = "content/{key}"
weight = 1
[languages.{key}.params]
title = "{manual}"
"""

STEP = """
<div class="two_column">

<div class="left_col">
{{{{<markdown>}}}}
{number}. {text}
{{{{</markdown>}}}}
</div>

<div class="right_col">

![{alt}](/img/shot.png)

</div>
</div>
"""


def _page(title: str, weight: int, body: str) -> str:
    return f'---\ntitle: "{title}"\nweight: {weight}\n---\n{body}\n'


def pages(key: str, words: Words) -> dict[str, str]:
    """The five content files of one language's site, by path below its content folder."""
    link = f"[{words.settings}](/{key}/settings/)"
    long = " ".join([words.long] * 3)
    table = (f"| {words.field} | {words.meaning} |\n|---|---|\n"
             + "".join(f"| {a} | {b} |\n" for a, b in words.rows))
    steps = (STEP.format(number=1, text=words.open_page, alt=words.login)
             + STEP.format(number=2, text=words.click, alt=words.login))
    alert = f'{{{{< alert title="{words.manual}" color="warning" >}}}}\n{words.alert}\n{{{{< /alert >}}}}\n'
    code = f"```bash\n{CODE}\n```\n"
    return {
        "_index.md": _page(words.manual, 0, words.intro.format(link=link) + "\n\n" + long),
        "start/_index.md": _page(words.start, 1, words.open_page + "\n\n" + long),
        "start/login.md": _page(words.login, 1, f"## {words.login}\n{steps}\n{alert}\n{code}"),
        "start/upload.md": _page(words.upload, 2, f"## {words.upload}\n\n{table}\n{words.click}\n\n"
                                 f"{long}\n\n{words.intro.format(link=link)}\n"),
        "settings.md": _page(words.settings, 2, f"{long}\n\n{code}\n{table}"),
    }


def scripts_site(root: Path, key: str) -> Path:
    """Write the site of one language (a key of WORDS) into ``root``."""
    words = WORDS[key]
    hugo = HUGO.format(key=key, name=words.name, locale=words.locale, manual=words.manual)
    files: dict[str, str | bytes] = {f"content/{key}/{rel}": text for rel, text in pages(key, words).items()}
    files["static/img/shot.png"] = png_bytes(1200, 800)
    return write_site(root, files, hugo=hugo)
