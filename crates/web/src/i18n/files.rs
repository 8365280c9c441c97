//! The words of the files panel: dropping, the batch's progress, the table of files.

use super::{FileCol, Lang, StatusWord, Text};
use std::borrow::Cow;

impl Lang {
    /// The words of the files panel.
    pub(super) fn files_text(self, text: Text) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Text::*;
        let s: &'static str = match (text, self) {
            (Files, Zh) => "批量文件",
            (Files, En) => "Files",
            (DropHint, Zh) => {
                "把文件或整个文件夹拖到这里 — .txt / .html / .docx / .doc / .pdf，UTF-8、GBK/GB18030、Big5、UTF-16 均可；再次拖入会加入本次会话"
            }
            (DropHint, En) => {
                "Drop files or whole folders here — .txt / .html / .docx / .doc / .pdf in UTF-8, GBK/GB18030, Big5 or UTF-16; another drop adds to the session"
            }
            (PickFiles, Zh) => "选择文件…",
            (PickFiles, En) => "Choose files…",
            (PickFolder, Zh) => "选择文件夹…",
            (PickFolder, En) => "Choose a folder…",
            (Workers(n), Zh) => return format!("{n} 个后台线程并行分析").into(),
            (Workers(n), En) => return format!("{n} background workers").into(),
            (Cancel, Zh) => "取消",
            (Cancel, En) => "Cancel",
            (ClearFiles, Zh) => "清除全部文件",
            (ClearFiles, En) => "Remove all files",
            (Remove, Zh) => "移除",
            (Remove, En) => "Remove",
            (RemoveFile(_), Zh) => "移除这个文件",
            (RemoveFile(_), En) => "Remove this file",
            (Progress { done, total, figures, failed }, Zh) => {
                return format!("{done} / {total} 个文件 · {} 个数字 · {failed} 个失败", Lang::n(figures)).into();
            }
            (Progress { done, total, figures, failed }, En) => {
                return format!("{done} / {total} files · {} figures · {failed} failed", Lang::n(figures)).into();
            }
            (TimeLeft(s), Zh) => return format!("约剩 {s:.1} 秒").into(),
            (TimeLeft(s), En) => return format!("about {s:.1} s left").into(),
            (BatchCancelled, Zh) => "已取消",
            (BatchCancelled, En) => "cancelled",
            (BatchDone(s), Zh) => return format!("用时 {s:.2} 秒").into(),
            (BatchDone(s), En) => return format!("done in {s:.2} s").into(),
            (BatchRunning, Zh) => "分析中",
            (BatchRunning, En) => "analysing",
            (Replaced(n), Zh) => return format!("{n} 个同名文件已被新文件替换").into(),
            (Replaced(n), En) => return format!("{n} files of the same name were replaced by the new ones").into(),
            (FileHead(c), _) => return self.file_head(c).into(),
            (FilterStatus(s), _) => return self.status_word(s).into(),
            (FilesShown(shown, all), Zh) => return format!("显示 {shown} / {all} 个文件").into(),
            (FilesShown(shown, all), En) => return format!("{shown} of {all} files shown").into(),
            (FileStatusFilter, Zh) => "按状态筛选文件",
            (FileStatusFilter, En) => "Filter the files by status",
            (text, _) => unreachable!("{text:?} is said in another part of the page"),
        };
        Cow::Borrowed(s)
    }

    fn file_head(self, c: FileCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            FileCol::No => "#",
            FileCol::Name => {
                if zh {
                    "文件"
                } else {
                    "File"
                }
            }
            FileCol::Size => {
                if zh {
                    "大小"
                } else {
                    "Size"
                }
            }
            FileCol::Encoding => {
                if zh {
                    "编码"
                } else {
                    "Encoding"
                }
            }
            FileCol::Figures => {
                if zh {
                    "数字"
                } else {
                    "Figures"
                }
            }
            FileCol::Status => {
                if zh {
                    "状态"
                } else {
                    "Status"
                }
            }
            FileCol::Remove => {
                if zh {
                    "操作"
                } else {
                    "Action"
                }
            }
        }
    }

    /// A file's status (or a filter by status: `None` is every file).
    fn status_word(self, s: Option<StatusWord>) -> &'static str {
        let zh = self == Lang::Zh;
        match s {
            None => {
                if zh {
                    "全部"
                } else {
                    "All"
                }
            }
            Some(StatusWord::Queued) => {
                if zh {
                    "排队"
                } else {
                    "Queued"
                }
            }
            Some(StatusWord::Done) => {
                if zh {
                    "完成"
                } else {
                    "Done"
                }
            }
            Some(StatusWord::Failed) => {
                if zh {
                    "失败"
                } else {
                    "Failed"
                }
            }
            Some(StatusWord::Cancelled) => {
                if zh {
                    "已取消"
                } else {
                    "Cancelled"
                }
            }
        }
    }
}
