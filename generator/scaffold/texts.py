"""The starter's texts in each language it can be made in (the demo's translations)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "name": {
        "en": "Customer Appreciation Month",
        "es": "Mes de Agradecimiento al Cliente",
        "id": "Bulan Apresiasi Pelanggan",
    },
    "tagline": {
        "en": "A month of thank-yous to the customers who keep us going.",
        "es": "Un mes de agradecimiento a los clientes que nos hacen seguir adelante.",
        "id": "Sebulan penuh ucapan terima kasih untuk pelanggan yang membuat kami terus maju.",
    },
    "code_title": {
        "en": "Your personal thank-you code",
        "es": "Tu código personal de agradecimiento",
        "id": "Kode terima kasih pribadi Anda",
    },
    "code_description": {
        "en": "Every loyal customer gets a code of their own by e-mail.",
        "es": "Cada cliente fiel recibe su propio código por correo electrónico.",
        "id": "Setiap pelanggan setia menerima kode pribadi melalui email.",
    },
    "shipping_title": {
        "en": "Free shipping all month",
        "es": "Envío gratis todo el mes",
        "id": "Gratis ongkos kirim sepanjang bulan",
    },
    "gift_title": {
        "en": "A gift with your next order",
        "es": "Un regalo con tu próximo pedido",
        "id": "Hadiah untuk pesanan Anda berikutnya",
    },
    "gift_item": {"en": "a tote bag", "es": "una bolsa de tela", "id": "sebuah tas jinjing"},
    "survey_title": {
        "en": "Why do you love us?",
        "es": "¿Por qué nos quieres?",
        "id": "Mengapa Anda menyukai kami?",
    },
    "survey_intro": {
        "en": "Two minutes of your time helps us do better. Everyone who answers gets a reward.",
        "es": "Dos minutos de tu tiempo nos ayudan a mejorar. Todos los que respondan reciben una "
        "recompensa.",
        "id": "Dua menit waktu Anda membantu kami menjadi lebih baik. Setiap orang yang menjawab "
        "mendapatkan hadiah.",
    },
    "q_recommend": {
        "en": "How likely are you to recommend us to a friend?",
        "es": "¿Qué probabilidad hay de que nos recomiendes a un amigo?",
        "id": "Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman?",
    },
    "q_favourite": {
        "en": "What do you like most?",
        "es": "¿Qué es lo que más te gusta?",
        "id": "Apa yang paling Anda sukai?",
    },
    "choice_products": {"en": "Our products", "es": "Nuestros productos", "id": "Produk kami"},
    "choice_service": {"en": "Our service", "es": "Nuestro servicio", "id": "Layanan kami"},
    "choice_prices": {"en": "Our prices", "es": "Nuestros precios", "id": "Harga kami"},
    "q_why": {
        "en": "Why do you shop with us?",
        "es": "¿Por qué compras con nosotros?",
        "id": "Mengapa Anda berbelanja di tempat kami?",
    },
    "reward_title": {
        "en": "5 % off your next order",
        "es": "5 % de descuento en tu próximo pedido",
        "id": "Diskon 5 % untuk pesanan berikutnya",
    },
    "consent": {
        "en": "We use your answers only to improve our shop.",
        "es": "Usamos tus respuestas solo para mejorar nuestra tienda.",
        "id": "Kami menggunakan jawaban Anda hanya untuk meningkatkan toko kami.",
    },
    "faq_question": {
        "en": "Who can take part?",
        "es": "¿Quién puede participar?",
        "id": "Siapa saja yang bisa ikut serta?",
    },
    "faq_answer": {
        "en": "Everyone. Loyal customers also get a personal code by e-mail.",
        "es": "Todo el mundo. Los clientes fieles reciben además un código personal por correo "
        "electrónico.",
        "id": "Semua orang. Pelanggan setia juga mendapatkan kode pribadi melalui email.",
    },
    "item_condition": {
        "en": "unused and in its original packaging",
        "es": "sin usar y en su embalaje original",
        "id": "belum dipakai dan dalam kemasan aslinya",
    },
    "exception_gift_cards": {
        "en": "Gift cards.",
        "es": "Tarjetas de regalo.",
        "id": "Kartu hadiah.",
    },
    "step_contact": {
        "en": "Contact us with your order number.",
        "es": "Escríbenos indicando tu número de pedido.",
        "id": "Hubungi kami dengan menyertakan nomor pesanan Anda.",
    },
    "step_send": {
        "en": "Send the item back to the address we give you.",
        "es": "Envía el producto a la dirección que te indiquemos.",
        "id": "Kirim kembali barangnya ke alamat yang kami berikan.",
    },
    "step_refund": {
        "en": "We refund you once it arrives.",
        "es": "Te devolvemos el dinero en cuanto lo recibimos.",
        "id": "Kami mengembalikan dana Anda setelah barangnya tiba.",
    },
}

LANGUAGE_NAMES = {"en": "English", "es": "Español", "id": "Bahasa Indonesia"}
