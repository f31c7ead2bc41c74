/* eslint-disable */
// GENERATED from schemas/sop.schema.json by `npm run generate:types`. Do not edit.

export const sopSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://sop-platform.disdukcapil.id/schemas/sop.schema.json",
  "title": "SopDocument",
  "description": "A complaint-handling SOP of a Disdukcapil in the SOP-AP format of PermenPAN-RB 35/2012. The SOP id is the file name (sops/<id>.yaml). Text values keep the words of the source SOP; null means the value is blank or lost in the source (unknown).",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "identity",
    "calendar",
    "sections",
    "lanes",
    "steps"
  ],
  "properties": {
    "schemaVersion": {
      "description": "Version of this schema the document is written against.",
      "const": 1
    },
    "identity": {
      "$ref": "#/$defs/Identity"
    },
    "calendar": {
      "$ref": "#/$defs/OfficeCalendar"
    },
    "sections": {
      "$ref": "#/$defs/Sections"
    },
    "service": {
      "$ref": "#/$defs/ServiceStandard"
    },
    "source": {
      "$ref": "#/$defs/SourceState"
    },
    "lanes": {
      "description": "The Pelaksana columns of the flowchart, in the source's order.",
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/Lane"
      }
    },
    "intake": {
      "$ref": "#/$defs/Intake"
    },
    "steps": {
      "description": "The rows of the flowchart, in the source's order. The first step of kind 'start' is where a case begins.",
      "type": "array",
      "minItems": 2,
      "items": {
        "$ref": "#/$defs/Step"
      }
    },
    "periodic": {
      "description": "Procedures that do not run per complaint but on a schedule (a daily recap, a monthly review).",
      "type": "array",
      "items": {
        "$ref": "#/$defs/PeriodicProcedure"
      }
    },
    "templates": {
      "description": "Message texts the SOP prescribes, verbatim.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/MessageTemplate"
      }
    },
    "logbook": {
      "$ref": "#/$defs/Logbook"
    },
    "controlCard": {
      "$ref": "#/$defs/ControlCard"
    }
  },
  "$defs": {
    "Id": {
      "description": "A stable identifier: lower-case letters, digits and dashes, starting with a letter.",
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]*$",
      "maxLength": 64
    },
    "Text": {
      "description": "Text as written in the source.",
      "type": "string",
      "minLength": 1
    },
    "SourceText": {
      "description": "Text as written in the source; null when the source leaves it blank or it was lost.",
      "type": [
        "string",
        "null"
      ]
    },
    "TextList": {
      "description": "Text as written in the source: one string, a list of strings, or null when blank.",
      "type": [
        "string",
        "array",
        "null"
      ],
      "items": {
        "type": "string"
      }
    },
    "LocalDate": {
      "type": "string",
      "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
    },
    "Identity": {
      "description": "The identity block of the SOP-AP.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "government",
        "regency",
        "office",
        "title"
      ],
      "properties": {
        "government": {
          "$ref": "#/$defs/Text",
          "description": "e.g. PEMERINTAH KOTA METRO"
        },
        "regency": {
          "$ref": "#/$defs/Text",
          "description": "Kota or Kabupaten, e.g. Kota Metro"
        },
        "province": {
          "$ref": "#/$defs/Text"
        },
        "regionCode": {
          "description": "Kemendagri code of the regency, e.g. 18.72",
          "type": "string",
          "pattern": "^\\d{2}\\.\\d{2}$"
        },
        "office": {
          "$ref": "#/$defs/Text",
          "description": "e.g. Dinas Kependudukan dan Pencatatan Sipil"
        },
        "unit": {
          "$ref": "#/$defs/SourceText",
          "description": "The bidang that owns the SOP, when named."
        },
        "number": {
          "$ref": "#/$defs/SourceText",
          "description": "Nomor SOP"
        },
        "title": {
          "$ref": "#/$defs/Text",
          "description": "Nama SOP / Judul SOP"
        },
        "flowchartTitle": {
          "$ref": "#/$defs/SourceText",
          "description": "The heading printed above the flowchart table, when there is one."
        },
        "dates": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "pembuatan": {
              "$ref": "#/$defs/SourceText"
            },
            "revisi": {
              "$ref": "#/$defs/SourceText"
            },
            "efektif": {
              "$ref": "#/$defs/SourceText"
            },
            "pengesahan": {
              "$ref": "#/$defs/SourceText"
            }
          }
        },
        "approvedBy": {
          "description": "Disahkan oleh.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "name": {
              "$ref": "#/$defs/SourceText"
            },
            "title": {
              "$ref": "#/$defs/SourceText"
            },
            "rank": {
              "$ref": "#/$defs/SourceText"
            },
            "nip": {
              "$ref": "#/$defs/SourceText"
            }
          }
        }
      }
    },
    "OfficeCalendar": {
      "description": "The office's working-time calendar. National holidays and cuti bersama come from the platform's SKB 3 Menteri data; working hours default to Perpres 21/2023.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "timeZone"
      ],
      "properties": {
        "timeZone": {
          "description": "WIB = Asia/Jakarta, WITA = Asia/Makassar, WIT = Asia/Jayapura.",
          "enum": [
            "Asia/Jakarta",
            "Asia/Pontianak",
            "Asia/Makassar",
            "Asia/Jayapura"
          ]
        },
        "workingHours": {
          "description": "Overrides Perpres 21/2023 (Pasal 7 lets units serving the public set other days). A weekday left out is not a working day.",
          "type": "object",
          "additionalProperties": false,
          "propertyNames": {
            "enum": [
              "mon",
              "tue",
              "wed",
              "thu",
              "fri",
              "sat",
              "sun"
            ]
          },
          "patternProperties": {
            "^(mon|tue|wed|thu|fri|sat|sun)$": {
              "type": "array",
              "items": {
                "$ref": "#/$defs/WorkingPeriod"
              }
            }
          }
        },
        "extraHolidays": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/DatedEntry"
          }
        },
        "extraWorkingDays": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/DatedEntry"
          }
        }
      }
    },
    "WorkingPeriod": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "start",
        "end"
      ],
      "properties": {
        "start": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$"
        },
        "end": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-4]):[0-5]\\d$"
        }
      }
    },
    "DatedEntry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "date",
        "name"
      ],
      "properties": {
        "date": {
          "$ref": "#/$defs/LocalDate"
        },
        "name": {
          "$ref": "#/$defs/Text"
        }
      }
    },
    "Sections": {
      "description": "The SOP-AP sections, each a list of the items as written (empty when the source leaves the section blank).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "dasarHukum",
        "kualifikasiPelaksana",
        "keterkaitan",
        "peralatanPerlengkapan",
        "peringatan",
        "pencatatanPendataan"
      ],
      "properties": {
        "dasarHukum": {
          "$ref": "#/$defs/Items"
        },
        "kualifikasiPelaksana": {
          "$ref": "#/$defs/Items"
        },
        "keterkaitan": {
          "$ref": "#/$defs/Items"
        },
        "peralatanPerlengkapan": {
          "$ref": "#/$defs/Items"
        },
        "peringatan": {
          "$ref": "#/$defs/Items"
        },
        "pencatatanPendataan": {
          "$ref": "#/$defs/Items"
        }
      }
    },
    "Items": {
      "type": "array",
      "items": {
        "type": "string"
      }
    },
    "ServiceStandard": {
      "description": "Standar pelayanan: the service standard an SOP prints for the service as a whole (cost, its legal basis, requirements, overall time and its conditions, product). Every field is optional: leave out what the source does not print; null means printed but blank, illegible or lost.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "biaya": {
          "$ref": "#/$defs/SourceText",
          "description": "Biaya / tarif as written, e.g. \"Gratis\" or \"Tidak dipungut biaya\"."
        },
        "dasarBiaya": {
          "$ref": "#/$defs/SourceText",
          "description": "The legal basis of the cost as written, e.g. the regulation that makes the service free."
        },
        "persyaratan": {
          "$ref": "#/$defs/TextList",
          "description": "Persyaratan pelayanan: what the citizen must bring or supply, as written."
        },
        "waktuPenyelesaian": {
          "$ref": "#/$defs/SourceText",
          "description": "Jangka waktu penyelesaian: the overall service time as written (e.g. \"14 hari kerja\"); not a deadline of any step."
        },
        "kondisiWaktu": {
          "$ref": "#/$defs/SourceText",
          "description": "The conditions of the overall time as written (e.g. \"sejak berkas diterima lengkap\")."
        },
        "produk": {
          "$ref": "#/$defs/SourceText",
          "description": "Produk pelayanan: what the service delivers, as written."
        }
      }
    },
    "SourceState": {
      "description": "The state of the source document. complete: false when it is cut off or damaged: its gaps are kept as gaps (structural rules that would make the author invent steps are warnings), the SOP can be published for viewing and comparison, and it does not run cases.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "complete"
      ],
      "properties": {
        "complete": {
          "type": "boolean",
          "description": "false when the source is cut off or damaged."
        },
        "note": {
          "$ref": "#/$defs/Text",
          "description": "What is missing or damaged, e.g. \"halaman 2 tidak ada\"."
        }
      }
    },
    "Provenance": {
      "description": "Where a step, an outcome, a jump, a timeout rule or a channel comes from when it is not simply printed in the source. inferred: not printed; a decision of the platform (whoever encoded the SOP), explained in note. incomplete: printed but cut off or damaged; note says what is lost. Steps so marked are drawn dashed and listed by inspect and compare.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "enum": [
            "inferred",
            "incomplete"
          ],
          "enumDescriptions": [
            "Not printed in the source: a decision of the platform (its transcriber), not of the office. Say why in note.",
            "Printed in the source but cut off or damaged: what is there is kept, the rest is not invented."
          ]
        },
        "note": {
          "$ref": "#/$defs/Text",
          "description": "Why it was inferred, or what is lost."
        }
      },
      "if": {
        "properties": {
          "status": {
            "const": "inferred"
          }
        },
        "required": [
          "status"
        ]
      },
      "then": {
        "required": [
          "note"
        ]
      }
    },
    "Lane": {
      "description": "A Pelaksana column. Its id is the access role of the people who work it in the runtime; its role is the common national role it plays, so regencies can be compared, or 'other' with a roleDescription.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "role"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "$ref": "#/$defs/Text",
          "description": "The column header as written."
        },
        "role": {
          "$ref": "#/$defs/LaneRole"
        },
        "roleDescription": {
          "$ref": "#/$defs/Text",
          "description": "Required with role: other, and read only then: what this lane does, in the SOP's own words (e.g. \"Tim Pengaduan yang ditetapkan dengan Keputusan Kepala Dinas\"). Comparisons list the lane under this description, apart from the common roles."
        },
        "unitField": {
          "$ref": "#/$defs/Id",
          "description": "With units: the id of the form field whose value picks the unit (\"the Kabid/Kasi of the field concerned\"); defaults to intake.categoryField."
        },
        "units": {
          "description": "The units one lane stands for (each Bidang or Seksi): a case in this lane goes to the unit whose values hold the case's unitField value; officers holding the lane see every unit's cases, those holding lane:unit only their unit's.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/LaneUnit"
          }
        }
      },
      "if": {
        "properties": {
          "role": {
            "const": "other"
          }
        },
        "required": [
          "role"
        ]
      },
      "then": {
        "required": [
          "roleDescription"
        ]
      }
    },
    "LaneRole": {
      "description": "The common national role a lane plays, used to compare regencies. 'other' when none fits, with the lane's roleDescription.",
      "type": "string",
      "enum": [
        "pemohon",
        "petugas",
        "kasi",
        "kabid",
        "sekretaris",
        "kepala-dinas",
        "bidang-teknis",
        "analis",
        "operator-editor",
        "petugas-dokumen",
        "helpdesk",
        "tim-pengaduan",
        "ppid",
        "pejabat-berwenang",
        "other"
      ],
      "enumDescriptions": [
        "Pemohon / Pelapor / Masyarakat / Pengguna Layanan: the citizen who files the complaint.",
        "Petugas / Operator / Admin / Staf / FO / CS: the front-line staff who receive and register complaints.",
        "Kepala Seksi (Kasi): a section head.",
        "Kepala Bidang (Kabid): a division head.",
        "Sekretaris: the office secretary.",
        "Kepala Dinas (Kadis): the head of office.",
        "Bidang Teknis / Bidang Terkait: the division concerned, as a unit.",
        "JF Analis Kebijakan: a functional policy analyst.",
        "Operator Editor: corrects data-entry errors and re-issues the document.",
        "Petugas Pengambilan Dokumen: hands finished documents to the citizen.",
        "Helpdesk: settles technical problems (online services, applications, access).",
        "Tim Pengaduan / Tim Penanganan Pengaduan / Pengelola Pengaduan / Tim Penjawab Aduan: the team that examines and answers complaints.",
        "PPID, Pejabat Pengelola Informasi dan Dokumentasi (UU 14/2008): answers requests for public information.",
        "Pejabat yang berwenang / berkompeten: the official competent for the matter, named by competence rather than by position.",
        "None of the above: write roleDescription in the SOP's own words; comparisons list the lane by it."
      ]
    },
    "Intake": {
      "description": "How complaints come in.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "channels"
      ],
      "properties": {
        "channels": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Channel"
          }
        },
        "form": {
          "$ref": "#/$defs/Form"
        },
        "categoryField": {
          "description": "The id of the form field that holds the complaint's category, when the form has one.",
          "$ref": "#/$defs/Id"
        },
        "revealTo": {
          "description": "Lane ids, beyond the lane of the start step's successor (the intake lane), allowed to see the complainant's confidential fields.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/Id"
          }
        }
      }
    },
    "Channel": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "kind",
        "label"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "kind": {
          "description": "How the complaint arrives. 'lapor' is SP4N-LAPOR!, the national public complaints service (lapor.go.id).",
          "enum": [
            "tatap-muka",
            "telepon",
            "fax",
            "sms",
            "whatsapp",
            "email",
            "website",
            "media-sosial",
            "facebook",
            "instagram",
            "surat",
            "kotak-pengaduan",
            "call-centre",
            "lapor",
            "lainnya"
          ]
        },
        "label": {
          "$ref": "#/$defs/Text",
          "description": "As written in the source."
        },
        "provenance": {
          "$ref": "#/$defs/Provenance"
        }
      }
    },
    "Form": {
      "description": "The complaint form (e.g. Buleleng FM-PDIP-03-01) or the registration fields the SOP names.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "title",
        "fields"
      ],
      "properties": {
        "document": {
          "$ref": "#/$defs/SourceText",
          "description": "Document number, e.g. FM-PDIP-03-01"
        },
        "title": {
          "$ref": "#/$defs/Text"
        },
        "revision": {
          "$ref": "#/$defs/SourceText"
        },
        "effective": {
          "$ref": "#/$defs/SourceText"
        },
        "notice": {
          "$ref": "#/$defs/SourceText",
          "description": "A notice printed on the form, verbatim."
        },
        "fields": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/FormField"
          }
        }
      }
    },
    "FormField": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "label",
        "type"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "label": {
          "$ref": "#/$defs/Text"
        },
        "type": {
          "description": "nik and kk: 16 digits with their structure; nik-or-kk accepts either; phone: an Indonesian mobile number (08…, 628…, +628…); landline: a fixed line with its area code ((0361) 222333); phone-or-landline: either, for a form that says \"telepon\". file: an attachment (a photo of a KTP, a letter, a screenshot): never shown on a public page.",
          "enum": [
            "text",
            "textarea",
            "email",
            "phone",
            "landline",
            "phone-or-landline",
            "nik",
            "kk",
            "nik-or-kk",
            "choice",
            "date",
            "file"
          ]
        },
        "required": {
          "type": "boolean",
          "default": false
        },
        "confidential": {
          "description": "Personal data of the complainant: masked for every lane but the intake lane and intake.revealTo.",
          "type": "boolean",
          "default": false
        },
        "options": {
          "description": "The choices of a 'choice' field, as written.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Text"
          }
        },
        "accept": {
          "description": "For a file field: the kinds of file accepted, as MIME types (image/jpeg, image/png, application/pdf); default: JPEG, PNG and PDF.",
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "pattern": "^[a-z]+/[a-z0-9.+-]+$"
          }
        },
        "maxSizeMb": {
          "description": "For a file field: the largest file accepted, in megabytes (default 5).",
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 20
        }
      }
    },
    "StepKind": {
      "description": "start and end are the terminator symbols (Mulai, Selesai), task the rectangle, decision the diamond.",
      "enum": [
        "start",
        "task",
        "decision",
        "end"
      ]
    },
    "Step": {
      "description": "A row of the flowchart.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "number",
        "kind",
        "lane",
        "activity"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "number": {
          "description": "The number printed in the No column, as a string; null when the source lost it.",
          "type": [
            "string",
            "null"
          ]
        },
        "kind": {
          "$ref": "#/$defs/StepKind"
        },
        "lane": {
          "$ref": "#/$defs/Id",
          "description": "The id of the lane (Pelaksana) that performs the step."
        },
        "channels": {
          "description": "On a start step of a flow with several starts: the ids of the intake channels (and 'web', the public form) whose complaints begin here. A flow with one start serves every channel and needs no list.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Id"
          }
        },
        "label": {
          "$ref": "#/$defs/SourceText",
          "description": "The text inside the flowchart symbol (e.g. Mulai, Periksa pengaduan, Selesai)."
        },
        "activity": {
          "$ref": "#/$defs/SourceText",
          "description": "Kegiatan / Uraian Prosedur."
        },
        "kelengkapan": {
          "$ref": "#/$defs/TextList",
          "description": "Mutu Baku: Kelengkapan / Persyaratan."
        },
        "waktu": {
          "$ref": "#/$defs/SourceText",
          "description": "Mutu Baku: Waktu, as written (e.g. '5 menit', '3 hari kerja')."
        },
        "output": {
          "$ref": "#/$defs/SourceText",
          "description": "Mutu Baku: Output."
        },
        "keterangan": {
          "$ref": "#/$defs/SourceText"
        },
        "next": {
          "$ref": "#/$defs/Id",
          "description": "The step that follows a start or task step."
        },
        "outcomes": {
          "description": "The named outcomes of a decision.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/Outcome"
          }
        },
        "escalation": {
          "$ref": "#/$defs/Jump",
          "description": "Where a task step goes when it is escalated one level up."
        },
        "rejection": {
          "$ref": "#/$defs/Jump",
          "description": "Where a task step goes when the complaint is rejected."
        },
        "onTimeout": {
          "$ref": "#/$defs/TimeoutRule"
        },
        "template": {
          "$ref": "#/$defs/Id",
          "description": "The message template used in this step."
        },
        "provenance": {
          "$ref": "#/$defs/Provenance"
        },
        "coordination": {
          "description": "Lanes this step may ask (Helpdesk, a technical Bidang, PPID) while it keeps the case: the question and the answer are two kartu kendali lines, and the answer comes back to this step.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Coordination"
          }
        },
        "routeBy": {
          "description": "On a decision: the outcome follows the case's value of this form field (each outcome's `when`); the officer sees it chosen and may choose another with a note.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "field"
          ],
          "properties": {
            "field": {
              "$ref": "#/$defs/Id",
              "description": "A choice field of the form, usually intake.categoryField."
            }
          }
        },
        "schedule": {
          "description": "The officer sets a date (a re-meeting, a visit) and the case waits until then: off the inbox, shown on the ticket page, back in the inbox on that date with the step's Waktu counted again from there.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "label"
          ],
          "properties": {
            "label": {
              "$ref": "#/$defs/SourceText",
              "description": "What is scheduled, as the SOP says (Jadwal pertemuan ulang)."
            }
          }
        }
      }
    },
    "Outcome": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "label",
        "to"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "label": {
          "$ref": "#/$defs/Text",
          "description": "As written (valid, tidak valid, selesai, tidak terselesaikan, ditolak)."
        },
        "to": {
          "$ref": "#/$defs/Id"
        },
        "kind": {
          "description": "escalation: the outcome hands the complaint one level up; rejection: the complaint is refused or returned; referral: the complaint is not the office's to settle and is handed to the agency whose it is (SP4N-LAPOR!'s Bukan Wewenang, dilimpahkan to the Inspektorat): its case leaves the office on this path and the reports count it apart.",
          "enum": [
            "escalation",
            "rejection",
            "referral"
          ]
        },
        "provenance": {
          "$ref": "#/$defs/Provenance"
        },
        "when": {
          "description": "With the decision's routeBy: the field values (as written in the field's options) that lead to this outcome.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Text"
          }
        },
        "document": {
          "$ref": "#/$defs/SourceText",
          "description": "The document this outcome produces, as written (berita acara, surat keberatan): recorded on the kartu kendali line and counted in the reports."
        }
      }
    },
    "Jump": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "to"
      ],
      "properties": {
        "to": {
          "$ref": "#/$defs/Id"
        },
        "label": {
          "$ref": "#/$defs/SourceText"
        },
        "provenance": {
          "$ref": "#/$defs/Provenance"
        }
      }
    },
    "TimeoutRule": {
      "description": "What happens when the step's Waktu passes. flag: the case stays and is marked overdue (the default); escalate: it is marked overdue and follows the step's escalation; complete: the step counts as done and the case goes on to its next step (a task the citizen did not answer); choose: the decision takes the named outcome (LAPOR! closes a report the citizen does not answer within 10 hari kerja). A step in the citizen's lane must say complete, choose or escalate: nobody else can settle it.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "action"
      ],
      "properties": {
        "action": {
          "enum": [
            "flag",
            "escalate",
            "complete",
            "choose"
          ]
        },
        "outcome": {
          "$ref": "#/$defs/Id",
          "description": "With choose: the id of the decision outcome taken when the time passes."
        },
        "provenance": {
          "$ref": "#/$defs/Provenance"
        }
      },
      "if": {
        "properties": {
          "action": {
            "const": "choose"
          }
        }
      },
      "then": {
        "required": [
          "outcome"
        ]
      }
    },
    "PeriodicProcedure": {
      "description": "A procedure run on a schedule rather than per complaint; each run is a case of its own carrying the period's logbook.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "schedule",
        "steps"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "$ref": "#/$defs/Text"
        },
        "schedule": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "every"
          ],
          "properties": {
            "every": {
              "description": "The period: a day, an ISO week (Monday to Sunday), a month, a quarter (triwulan: January–March …), a half-year (semester: January–June, July–December) or a calendar year.",
              "enum": [
                "day",
                "week",
                "month",
                "quarter",
                "half-year",
                "year"
              ]
            },
            "at": {
              "description": "When in the period a run starts: at its last working day (end, the default) or its first (start).",
              "enum": [
                "start",
                "end"
              ]
            }
          }
        },
        "source": {
          "$ref": "#/$defs/SourceText",
          "description": "Where the source SOP prescribes it."
        },
        "steps": {
          "type": "array",
          "minItems": 2,
          "items": {
            "$ref": "#/$defs/Step"
          }
        }
      }
    },
    "MessageTemplate": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "text"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "$ref": "#/$defs/Text"
        },
        "text": {
          "$ref": "#/$defs/Text",
          "description": "Verbatim."
        }
      }
    },
    "Logbook": {
      "description": "The complaint register (e.g. Buleleng FM-PDIP-03-02) and its columns as printed.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "title",
        "columns"
      ],
      "properties": {
        "document": {
          "$ref": "#/$defs/SourceText"
        },
        "title": {
          "$ref": "#/$defs/Text"
        },
        "revision": {
          "$ref": "#/$defs/SourceText"
        },
        "effective": {
          "$ref": "#/$defs/SourceText"
        },
        "columns": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "label"
            ],
            "properties": {
              "id": {
                "$ref": "#/$defs/Id"
              },
              "label": {
                "$ref": "#/$defs/Text"
              },
              "fills": {
                "description": "What the platform writes in this column of each complaint's line. Without it, the column's id says (no, tiket, tanggal, sumber, kategori, isi-pengaduan…, tindak-lanjut…, …pengadu…, status…, langkah, a lane's id, paraf…); a column that neither names is left blank, to be filled on paper. number: the line number; ticket; date: the date filed; channel: how it came in; category; complaint: the complaint in its own words (identity struck), its category, channel, ticket and date; follow-up: the officers' notes before the end; reply: the notes of the last step (the answer to the complainant); lane: the unit of the lane `lane` the complaint went to, or the officers of that lane who handed it on; end: the end reached, or the step it waits at; status: selesai / tidak; paper: left blank (a signature, a paraf).",
                "enum": [
                  "number",
                  "ticket",
                  "date",
                  "channel",
                  "category",
                  "complaint",
                  "follow-up",
                  "reply",
                  "lane",
                  "end",
                  "status",
                  "paper"
                ]
              },
              "lane": {
                "$ref": "#/$defs/Id",
                "description": "With fills: lane, the lane whose unit or officers the column shows."
              }
            }
          }
        }
      }
    },
    "ControlCard": {
      "description": "The kartu kendali rule: every hand-over is initialled and dated on receipt and on hand-over.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "required",
        "text"
      ],
      "properties": {
        "required": {
          "type": "boolean"
        },
        "text": {
          "$ref": "#/$defs/Text",
          "description": "The rule as written."
        }
      }
    },
    "LaneUnit": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "values"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "$ref": "#/$defs/Text",
          "description": "The unit as the SOP or the office names it (Bidang Pelayanan Pendaftaran Penduduk)."
        },
        "values": {
          "description": "The unitField values (choice options, as written) that go to this unit.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Text"
          }
        }
      }
    },
    "Coordination": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "lane"
      ],
      "properties": {
        "lane": {
          "$ref": "#/$defs/Id",
          "description": "The lane asked."
        },
        "label": {
          "$ref": "#/$defs/SourceText",
          "description": "The coordination as written (Koordinasi dengan Helpdesk)."
        }
      }
    }
  }
} as const;
